package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.model.Totals;
import dev.aether.stats.domain.port.DailyStatsReader;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * stats_daily rows, or the same figures live in one statement: from the hour buckets where they are
 * complete, the rest from usage and request_candidates (see {@link HourBuckets}).
 */
final class PgDailyStatsReader implements DailyStatsReader {
  private static final String STORED = "SELECT * FROM stats_daily WHERE date >= $1 AND date < $2 ORDER BY date";


  private final Pool pool;

  PgDailyStatsReader(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<List<DailyStats>> stored(DayBounds days) {
    return pool.preparedQuery(STORED).execute(Tuple.of(Sql.ts(days.start()), Sql.ts(days.end())))
        .map(rows -> {
          List<DailyStats> out = new ArrayList<>();
          for (Row r : rows) {
            int i = DayRows.storedIndex(r, days);
            if (i >= 0) {
              out.add(daily(days, i, r, Source.MATERIALIZED));
            }
          }
          return out;
        })
        .toCompletionStage();
  }

  /** From the hour buckets where they are complete, the rest from usage: see {@link HourBuckets}. */
  @Override
  public CompletionStage<List<DailyStats>> live(DayBounds days) {
    return pool.preparedQuery(HourBuckets.DAILY).execute(Tuple.tuple().addArrayOfOffsetDateTime(Sql.bounds(days)))
        .map(rows -> {
          DailyStats[] byDay = new DailyStats[days.range().size()];
          for (Row r : rows) {
            int i = DayRows.liveIndex(r);
            byDay[i] = daily(days, i, r, Source.LIVE);
          }
          List<DailyStats> out = new ArrayList<>(byDay.length);
          for (int i = 0; i < byDay.length; i++) {
            out.add(byDay[i] != null ? byDay[i]
                : new DailyStats(days.day(i), days.startOf(i), Totals.ZERO, 0, 0, 0, Source.LIVE));
          }
          return out;
        })
        .toCompletionStage();
  }

  private static DailyStats daily(DayBounds days, int i, Row r, Source source) {
    return new DailyStats(days.day(i), days.startOf(i), Sql.totals(r), Sql.longOrZero(r, "fallback_count"),
        (int) Sql.longOrZero(r, "unique_models"), (int) Sql.longOrZero(r, "unique_providers"), source);
  }
}
