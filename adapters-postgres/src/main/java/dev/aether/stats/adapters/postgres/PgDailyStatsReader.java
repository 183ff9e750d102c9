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

/** stats_daily rows, or the same figures computed from usage (and request_candidates) in one statement. */
final class PgDailyStatsReader implements DailyStatsReader {
  private static final String STORED = "SELECT * FROM stats_daily WHERE date >= $1 AND date < $2 ORDER BY date";

  /**
   * Per bucket of the bounds array $1 (business days here, UTC hours for {@link PgHourlyStatsReader}):
   * the usage figures, distinct models and providers, and the fallback count (requests whose first
   * executed attempt falls in the bucket and that have more than one executed attempt; attempts are read
   * a fixed 24 hours beyond each end, as stats_materialize_days does, so that a request straddling a
   * boundary is seen whole and the session time zone plays no part).
   */
  static final String LIVE = """
      WITH figures AS (
        SELECT %s AS i, %s,
          count(DISTINCT u.model) AS unique_models,
          count(DISTINCT u.provider) AS unique_providers
        FROM usage u WHERE %s
        GROUP BY 1
      ), attempts AS (
        SELECT rc.request_id, min(rc.created_at) AS first_at
        FROM request_candidates rc
        WHERE rc.status IN ('success', 'failed')
          AND rc.created_at >= ($1::timestamptz[])[1] - interval '24 hours'
          AND rc.created_at < ($1::timestamptz[])[array_length($1::timestamptz[], 1)] + interval '24 hours'
        GROUP BY rc.request_id
        HAVING count(*) > 1
      ), fallbacks AS (
        SELECT width_bucket(first_at, $1::timestamptz[]) AS i, count(*) AS fallback_count
        FROM attempts
        WHERE first_at >= ($1::timestamptz[])[1]
          AND first_at < ($1::timestamptz[])[array_length($1::timestamptz[], 1)]
        GROUP BY 1
      )
      SELECT coalesce(f.i, fb.i) AS i, f.*, coalesce(fb.fallback_count, 0) AS fallback_count
      FROM figures f FULL JOIN fallbacks fb ON fb.i = f.i
      """.formatted(DayRows.BUCKET, UsageFigures.SELECT_LIST, DayRows.RANGE);

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

  @Override
  public CompletionStage<List<DailyStats>> live(DayBounds days) {
    return pool.preparedQuery(LIVE).execute(Tuple.tuple().addArrayOfOffsetDateTime(Sql.bounds(days)))
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
