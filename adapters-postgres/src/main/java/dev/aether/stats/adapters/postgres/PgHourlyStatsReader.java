package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.model.HourlyStats;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.port.HourlyStatsReader;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Complete stats_hourly rows, or the same figures live in one statement: the hour in progress at the last
 * tick from its partial bucket plus the rows after it, other hours from usage (and request_candidates).
 */
final class PgHourlyStatsReader implements HourlyStatsReader {
  /** Complete buckets only: a partial one (the hour in progress at the last tick) lacks the hour's later rows. */
  private static final String STORED = "SELECT * FROM stats_hourly s WHERE s.hour >= $1 AND s.hour < $2 AND "
      + HourBuckets.complete("s") + " ORDER BY s.hour";

  /**
   * Up to this many hours, requests are looked up one by one (see {@link #LIVE_SHORT}); a longer run too when
   * it holds at most {@link #LOOKUP_ATTEMPTS} attempts (the hours from the current one to the end
   * of today: a 30-day hourly read's last run, 17 hours of which only the first has rows, grouped 48 hours
   * of attempts instead, 3 s on the benchmark's 1 million rows a day); else they are grouped.
   */
  private static final int LOOKUP_HOURS = 6;

  static final int LOOKUP_ATTEMPTS = 100_000;

  /** Whether a run holds at most $3 attempts: one bounded scan of the created_at index. */
  private static final String ATTEMPTS_UP_TO = """
        SELECT count(*) <= $3 AS few FROM (
          SELECT 1 FROM request_candidates rc
          WHERE rc.created_at >= $1 AND rc.created_at < $2
          LIMIT $3 + 1) x
      """;

  /**
   * A short run, one window per hour, read as the live days are ({@link HourBuckets#DAILY}): an hour with a
   * partial bucket (the hour in progress at the last tick) from that bucket plus the rows after it, the
   * rest from usage; fallbacks by looking up the requests of the live part's attempts (then all their
   * attempts, through the request_id index), not every attempt of the run and 24 hours either side. On
   * long runs the lookups cost more than the grouping.
   */
  private static final String LIVE_SHORT = HourBuckets.DAILY;

  /** For a long run, all from usage: every attempt of the run and 24 hours either side, grouped. */
  private static final String GROUPED = """
        SELECT rc.request_id, min(rc.created_at) AS first_at
        FROM request_candidates rc
        WHERE rc.status IN ('success', 'failed')
          AND rc.created_at >= ($1::timestamptz[])[1] - interval '24 hours'
          AND rc.created_at < ($1::timestamptz[])[array_length($1::timestamptz[], 1)] + interval '24 hours'
        GROUP BY rc.request_id
        HAVING count(*) > 1
      """;

  /**
   * A long run, per bucket of the bounds array $1 (UTC hours):
   * the usage figures, distinct models and providers, and the fallback count (requests whose first
   * executed attempt falls in the bucket and that have more than one executed attempt; attempts are read
   * a fixed 24 hours beyond each end, as stats_materialize_days does, so that a request straddling a
   * boundary is seen whole and the session time zone plays no part).
   */
  private static final String LIVE_LONG = """
      WITH figures AS (
        SELECT %s AS i, %s,
          count(DISTINCT u.model) AS unique_models,
          count(DISTINCT u.provider) AS unique_providers
        FROM usage u WHERE %s
        GROUP BY 1
      ), attempts AS (
%s      ), fallbacks AS (
        SELECT width_bucket(first_at, $1::timestamptz[]) AS i, count(*) AS fallback_count
        FROM attempts
        WHERE first_at >= ($1::timestamptz[])[1]
          AND first_at < ($1::timestamptz[])[array_length($1::timestamptz[], 1)]
        GROUP BY 1
      )
      SELECT coalesce(f.i, fb.i) AS i, f.*, coalesce(fb.fallback_count, 0) AS fallback_count
      FROM figures f FULL JOIN fallbacks fb ON fb.i = f.i
      """.formatted(DayRows.BUCKET, UsageFigures.SELECT_LIST, DayRows.RANGE, GROUPED);

  private final Pool pool;
  private final int lookupAttempts;

  PgHourlyStatsReader(Pool pool) {
    this(pool, LOOKUP_ATTEMPTS);
  }

  /** {@code lookupAttempts}: the tests' way to run long runs grouped (0) and compare both. */
  PgHourlyStatsReader(Pool pool, int lookupAttempts) {
    this.pool = pool;
    this.lookupAttempts = lookupAttempts;
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

  /**
   * Hours without a complete bucket, up to the last one with a row ({@link HoursWithRows}; the later ones
   * are empty): a short run as the live days are read, a long one from usage.
   */
  @Override
  public CompletionStage<List<HourlyStats>> live(HourRange hours) {
    return HoursWithRows.of(pool, hours)
        .compose(used -> used.isEmpty() ? Future.succeededFuture(new HourlyStats[hours.size()]) : read(used.get(), hours))
        .map(byHour -> {
          List<HourlyStats> out = new ArrayList<>(byHour.length);
          for (int i = 0; i < byHour.length; i++) {
            out.add(byHour[i] != null ? byHour[i] : HourlyStats.empty(hours.hour(i), Source.LIVE));
          }
          return out;
        })
        .toCompletionStage();
  }

  /** The hours of {@code used} (a run starting where {@code hours} starts), by index into {@code hours}. */
  private Future<HourlyStats[]> read(HourRange used, HourRange hours) {
    Future<String> query = used.size() <= LOOKUP_HOURS ? Future.succeededFuture(LIVE_SHORT)
        : pool.preparedQuery(ATTEMPTS_UP_TO)
            .execute(Tuple.of(Sql.ts(used.from()), Sql.ts(used.to()), (long) lookupAttempts))
            .map(rows -> rows.iterator().next().getBoolean("few") ? LIVE_SHORT : LIVE_LONG);
    return query.compose(sql -> pool.preparedQuery(sql)
        .execute(Tuple.tuple().addArrayOfOffsetDateTime(Sql.bounds(used))))
        .map(rows -> {
          HourlyStats[] byHour = new HourlyStats[hours.size()];
          for (Row r : rows) {
            int i = DayRows.liveIndex(r);
            byHour[i] = hourly(hours.hour(i), r, Source.LIVE);
          }
          return byHour;
        });
  }

  @Override
  public CompletionStage<java.util.Optional<java.time.Instant>> newestStoredHour() {
    return pool.query("SELECT max(s.hour) AS newest FROM stats_hourly s WHERE " + HourBuckets.complete("s")).execute()
        .map(rows -> java.util.Optional.ofNullable(Sql.instant(rows.iterator().next(), "newest")))
        .toCompletionStage();
  }

  private static HourlyStats hourly(java.time.Instant hour, Row r, Source source) {
    return new HourlyStats(hour, Sql.totals(r), Sql.longOrZero(r, "fallback_count"),
        (int) Sql.longOrZero(r, "unique_models"), (int) Sql.longOrZero(r, "unique_providers"),
        Sql.longOrZero(r, "unsettled_requests"), source);
  }
}
