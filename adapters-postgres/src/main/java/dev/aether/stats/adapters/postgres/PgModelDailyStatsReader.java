package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.model.ModelDailyStats;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.model.Totals;
import dev.aether.stats.domain.port.ModelDailyStatsReader;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * stats_daily_model rows, or the same figures live, per day and model: from the hour buckets where they
 * are complete, the rest from usage (see {@link HourBuckets}).
 */
final class PgModelDailyStatsReader implements ModelDailyStatsReader {
  private static final String STORED = "SELECT * FROM stats_daily_model WHERE date >= $1 AND date < $2"
      + " ORDER BY date, model";

  private final Pool pool;

  PgModelDailyStatsReader(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<List<ModelDailyStats>> stored(DayBounds days) {
    return pool.preparedQuery(STORED).execute(Tuple.of(Sql.ts(days.start()), Sql.ts(days.end())))
        .map(rows -> {
          List<ModelDailyStats> out = new ArrayList<>();
          for (Row r : rows) {
            int i = DayRows.storedIndex(r, days);
            if (i >= 0) {
              out.add(new ModelDailyStats(days.day(i), days.startOf(i), r.getString("model"), modelFigures(r),
                  Source.MATERIALIZED));
            }
          }
          return out;
        })
        .toCompletionStage();
  }

  @Override
  public CompletionStage<List<ModelDailyStats>> live(DayBounds days) {
    return pool.preparedQuery(HourBuckets.MODELS).execute(Tuple.tuple().addArrayOfOffsetDateTime(Sql.bounds(days)))
        .map(rows -> {
          List<ModelDailyStats> out = new ArrayList<>();
          for (Row r : rows) {
            int i = DayRows.liveIndex(r);
            out.add(new ModelDailyStats(days.day(i), days.startOf(i), r.getString("model"), modelFigures(r),
                Source.LIVE));
          }
          return out;
        })
        .toCompletionStage();
  }

  /** stats_daily_model keeps requests, errors, tokens, total cost and response times. */
  static Totals modelFigures(Row r) {
    Totals t = Sql.totals(r);
    return new Totals(t.totalRequests(), t.errorRequests(), t.inputTokens(), t.outputTokens(),
        t.cacheCreationTokens(), t.cacheReadTokens(), t.totalCost(), BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, t.responseTimeSumMs(), t.responseTimeCount());
  }
}
