package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.model.HourlyStats;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.port.HourlyStatsReader;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** stats_hourly rows, or the same figures computed from usage (and request_candidates) in one statement. */
final class PgHourlyStatsReader implements HourlyStatsReader {
  private static final String STORED = "SELECT * FROM stats_hourly WHERE hour >= $1 AND hour < $2 ORDER BY hour";

  private final Pool pool;

  PgHourlyStatsReader(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<List<HourlyStats>> stored(HourRange hours) {
    return pool.preparedQuery(STORED).execute(Tuple.of(Sql.ts(hours.from()), Sql.ts(hours.to())))
        .map(rows -> {
          List<HourlyStats> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(hourly(Sql.instant(r, "hour"), r, Source.MATERIALIZED));
          }
          return out;
        })
        .toCompletionStage();
  }

  /** The live query of the days' reader, over hour bounds: the same figures, bucket by bucket. */
  @Override
  public CompletionStage<List<HourlyStats>> live(HourRange hours) {
    return pool.preparedQuery(PgDailyStatsReader.LIVE)
        .execute(Tuple.tuple().addArrayOfOffsetDateTime(Sql.bounds(hours)))
        .map(rows -> {
          HourlyStats[] byHour = new HourlyStats[hours.size()];
          for (Row r : rows) {
            int i = DayRows.liveIndex(r);
            byHour[i] = hourly(hours.hour(i), r, Source.LIVE);
          }
          List<HourlyStats> out = new ArrayList<>(byHour.length);
          for (int i = 0; i < byHour.length; i++) {
            out.add(byHour[i] != null ? byHour[i] : HourlyStats.empty(hours.hour(i), Source.LIVE));
          }
          return out;
        })
        .toCompletionStage();
  }

  private static HourlyStats hourly(java.time.Instant hour, Row r, Source source) {
    return new HourlyStats(hour, Sql.totals(r), Sql.longOrZero(r, "fallback_count"),
        (int) Sql.longOrZero(r, "unique_models"), (int) Sql.longOrZero(r, "unique_providers"),
        Sql.longOrZero(r, "unsettled_requests"), source);
  }
}
