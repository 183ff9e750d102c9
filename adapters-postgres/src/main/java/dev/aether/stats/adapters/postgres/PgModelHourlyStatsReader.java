package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.model.ModelHourlyStats;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.port.ModelHourlyStatsReader;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Complete stats_hourly_model rows, or the same figures live (the hour in progress at the last tick from its
 * partial bucket and the rows after it, see {@link HourBuckets}), per UTC hour and model.
 */
final class PgModelHourlyStatsReader implements ModelHourlyStatsReader {
  private static final String STORED = "SELECT * FROM stats_hourly_model WHERE hour >= $1 AND hour < $2"
      + " ORDER BY hour, model";
  /** One window per hour, as the live model days are read: a partial bucket plus the rows after it, or usage. */
  private static final String LIVE = HourBuckets.MODELS;

  private final Pool pool;

  PgModelHourlyStatsReader(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<List<ModelHourlyStats>> stored(HourRange hours) {
    return pool.preparedQuery(STORED).execute(Tuple.of(Sql.ts(hours.from()), Sql.ts(hours.to())))
        .map(rows -> {
          List<ModelHourlyStats> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new ModelHourlyStats(Sql.instant(r, "hour"), r.getString("model"),
                PgModelDailyStatsReader.modelFigures(r), Source.MATERIALIZED));
          }
          return out;
        })
        .toCompletionStage();
  }

  /** Up to the last hour with a row ({@link HoursWithRows}): the later ones have no model rows. */
  @Override
  public CompletionStage<List<ModelHourlyStats>> live(HourRange hours) {
    return HoursWithRows.of(pool, hours).compose(used -> used.isEmpty() ? Future.<List<ModelHourlyStats>>succeededFuture(List.of())
        : pool.preparedQuery(LIVE).execute(Tuple.tuple().addArrayOfOffsetDateTime(Sql.bounds(used.get())))
        .map(rows -> {
          List<ModelHourlyStats> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new ModelHourlyStats(hours.hour(DayRows.liveIndex(r)), r.getString("model"),
                PgModelDailyStatsReader.modelFigures(r), Source.LIVE));
          }
          return out;
        }))
        .toCompletionStage();
  }
}
