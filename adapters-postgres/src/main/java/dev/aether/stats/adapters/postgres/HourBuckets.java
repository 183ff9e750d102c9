package dev.aether.stats.adapters.postgres;

import java.util.List;
import java.util.stream.Collectors;

/**
 * SQL pieces that answer a live read from the hour buckets where they can: each window [ws, we) of the
 * bounds array $1 (one business day, or one [from, now) window) splits into
 *
 * <ul>
 *   <li>its closed, materialized hours [f, c) read from stats_hourly (f = the first whole UTC hour at or
 *       after ws; c = the first hour from f on without a complete bucket, capped at the last whole hour
 *       before we), and the partial bucket of hour c if it has one that ends inside the window (the timer
 *       writes the hour in progress up to the tick: it covers [c, p), p = its covers_until; else p = c);
 *       the bucket rows read are those of the hours [f, b), b = c + 1 hour with a partial bucket, else c;
 *   <li>the usage rows of [ws, min(f, we)) (the partial hour at the start, in zones like +05:30 / +05:45
 *       whose days do not start on a UTC hour) and of [p, we) (everything after the newest bucket).
 * </ul>
 *
 * A bucket is complete when it covers its whole hour ({@code covers_until = hour + 1 hour}: written with
 * every row of the hour, after it ended). A partial bucket holds exactly the rows created before its
 * covers_until, so the two parts never overlap; rows updated since it was written are as of that write
 * until the next tick rewrites it (the README's Limits), as for closed hours.
 * Costs in the buckets are the exact sums of 1e-9 USD units and the live part sums the same units, so the
 * result is exactly that of one aggregation over all the window's rows. Hour bounds are computed from
 * epoch seconds (to_timestamp), never in the session time zone.
 */
final class HourBuckets {
  private HourBuckets() {}

  /** Whether the bucket {@code alias} covers its whole hour (complete), as a SQL condition. */
  static String complete(String alias) {
    return alias + ".covers_until = " + alias + ".hour + interval '1 hour'";
  }

  /** The additive figures, under the stats tables' column names, that both parts have. */
  static final List<String> ADDITIVE = List.of("total_requests", "error_requests", "input_tokens",
      "output_tokens", "cache_creation_tokens", "cache_read_tokens", "total_cost", "actual_total_cost",
      "input_cost", "output_cost", "cache_creation_cost", "cache_read_cost", "response_time_sum_ms",
      "response_time_count", "unsettled_requests");

  /** The additive figures stats_hourly_model keeps. */
  static final List<String> MODEL_ADDITIVE = List.of("total_requests", "error_requests", "input_tokens",
      "output_tokens", "cache_creation_tokens", "cache_read_tokens", "total_cost", "response_time_sum_ms",
      "response_time_count");

  /** The usage columns the figures read (not the request/response bodies). */
  private static final String USAGE_COLUMNS = "x.model, x.provider, x.status, x.status_code, x.error_message,"
      + " x.input_tokens, x.output_tokens, x.cache_creation_input_tokens, x.cache_read_input_tokens,"
      + " x.total_cost_usd, x.actual_total_cost_usd, x.input_cost_usd, x.output_cost_usd,"
      + " x.cache_creation_cost_usd, x.cache_read_cost_usd, x.response_time_ms";

  /**
   * CTEs w (the windows), cut (their bucket part [f, c)) and tail (the usage rows outside it, with the
   * window index i); the statement continues with ", ...".
   */
  static final String WINDOWS = """
      WITH w AS MATERIALIZED (
        SELECT k AS i, ($1::timestamptz[])[k] AS ws, ($1::timestamptz[])[k + 1] AS we,
               to_timestamp(ceil(extract(epoch FROM ($1::timestamptz[])[k]) / 3600) * 3600) AS f,
               to_timestamp(floor(extract(epoch FROM ($1::timestamptz[])[k + 1]) / 3600) * 3600) AS e
          FROM generate_series(1, array_length($1::timestamptz[], 1) - 1) AS k
      ), complete AS MATERIALIZED (
        SELECT w.i, w.ws, w.we, w.f,
               coalesce((SELECT min(g.h)
                           FROM generate_series(w.f, w.e - interval '1 hour', interval '1 hour') AS g(h)
                          -- the range bound keeps this an index range scan (else a hash of every bucket)
                          WHERE NOT EXISTS (SELECT 1 FROM stats_hourly s
                                             WHERE s.hour = g.h AND s.hour >= w.f AND s.hour < w.e AND %2$s)),
                        greatest(w.e, w.f)) AS c
          FROM w
      ), cut AS MATERIALIZED (
        SELECT k.i, k.ws, k.we, k.f, k.c,
               coalesce(pb.covers_until, k.c) AS p,
               CASE WHEN pb.covers_until > k.c THEN k.c + interval '1 hour' ELSE k.c END AS b
          FROM complete k
          LEFT JOIN stats_hourly pb ON pb.hour = k.c AND pb.covers_until <= k.we
      ), tail AS MATERIALIZED (
        SELECT cut.i, t.*
          FROM cut
         CROSS JOIN LATERAL (
                SELECT %1$s FROM usage x WHERE x.created_at >= cut.ws AND x.created_at < least(cut.f, cut.we)
                UNION ALL
                SELECT %1$s FROM usage x WHERE x.created_at >= cut.p AND x.created_at < cut.we) t
      )""".formatted(USAGE_COLUMNS, complete("s"));

  /**
   * CTE fb: per window, the requests with more than one executed attempt whose first executed attempt
   * lies in the window's live part. Only requests with an executed attempt in the live part are looked
   * at (then all their attempts, through the request_id index, a fixed 24 hours beyond the bounds).
   */
  static final String FALLBACKS = """
      , fb_req AS (
        -- two range scans of the created_at index per window (an OR of the two ranges in one join
        -- condition made PostgreSQL scan the whole attempts table: 2 s on 6.5 million attempts)
        SELECT DISTINCT cut.i, r.request_id
          FROM cut
         CROSS JOIN LATERAL (
                SELECT rc.request_id FROM request_candidates rc
                 WHERE rc.status IN ('success', 'failed')
                   AND rc.created_at >= cut.ws AND rc.created_at < least(cut.f, cut.we)
                UNION ALL
                SELECT rc.request_id FROM request_candidates rc
                 WHERE rc.status IN ('success', 'failed')
                   AND rc.created_at >= cut.p AND rc.created_at < cut.we) r
      ), fb AS (
        SELECT q.i, count(*) AS fallback_count
          FROM fb_req q
          JOIN cut ON cut.i = q.i
         CROSS JOIN LATERAL (
                SELECT count(*) AS n, min(a.created_at) AS first_at
                  FROM request_candidates a
                 WHERE a.request_id = q.request_id
                   AND a.status IN ('success', 'failed')
                   AND a.created_at >= ($1::timestamptz[])[1] - interval '24 hours'
                   AND a.created_at < ($1::timestamptz[])[array_length($1::timestamptz[], 1)] + interval '24 hours') a
         WHERE a.n > 1
           AND ((a.first_at >= cut.ws AND a.first_at < least(cut.f, cut.we))
                OR (a.first_at >= cut.p AND a.first_at < cut.we))
         GROUP BY q.i
      )""";

  /**
   * Whether {@code sql} is one of the window statements ({@link #TOTALS}, {@link #DAILY}, {@link #MODELS}):
   * the pool keeps these prepared, by name, on each connection. They answer every {@code combined},
   * {@code today} and live {@code daily} read, and reading the buckets takes less time than PostgreSQL
   * spends parsing and analysing their text (a dozen CTEs): unnamed, each call paid that again (pgbench on
   * the benchmark set: {@link #TOTALS} 3.9 ms a call unnamed, 1.7 ms prepared). PostgreSQL still plans them
   * for each call's bounds (it keeps custom plans for them). Every other statement stays unnamed.
   */
  static boolean isWindowStatement(String sql) {
    return sql.startsWith(WINDOWS);
  }

  /** "sum(alias.col) AS col, ..." over the given columns. */
  static String sums(String alias, List<String> columns) {
    return columns.stream().map(c -> "sum(" + alias + "." + c + ") AS " + c).collect(Collectors.joining(", "));
  }

  /** "coalesce(a.col, 0) + coalesce(b.col, 0) AS col, ..." over the given columns. */
  static String added(String a, String b, List<String> columns) {
    return columns.stream().map(c -> "coalesce(" + a + "." + c + ", 0) + coalesce(" + b + "." + c + ", 0) AS " + c)
        .collect(Collectors.joining(",\n  "));
  }

  /**
   * Per window: every figure of a day (additive ones as tail + buckets, distinct models and providers over
   * the union of both parts, fallbacks of both parts), with the window index i.
   */
  static final String DAILY = WINDOWS + FALLBACKS + """
      , live AS (
        SELECT u.i, %1$s FROM tail u GROUP BY u.i
      ), stored AS (
        SELECT cut.i, %2$s, sum(s.fallback_count) AS fallback_count
          FROM cut JOIN stats_hourly s ON s.hour >= cut.f AND s.hour < cut.b
         GROUP BY cut.i
      ), models AS (
        -- distinct counts over the union of both parts, one grouping pass (a subquery per window scanned
        -- the whole tail once per window: quadratic for a run of hundreds of hour windows)
        SELECT v.i, count(DISTINCT v.model) AS unique_models FROM (
            SELECT t.i, t.model FROM tail t
            UNION ALL
            SELECT cut.i, m.model FROM cut JOIN stats_hourly_model m ON m.hour >= cut.f AND m.hour < cut.b) v
         GROUP BY v.i
      ), providers AS (
        SELECT v.i, count(DISTINCT v.provider) AS unique_providers FROM (
            SELECT t.i, t.provider FROM tail t
            UNION ALL
            SELECT cut.i, p.provider FROM cut JOIN stats_hourly_provider p ON p.hour >= cut.f AND p.hour < cut.b) v
         GROUP BY v.i
      )
      SELECT cut.i,
        %3$s,
        coalesce(fb.fallback_count, 0) + coalesce(stored.fallback_count, 0) AS fallback_count,
        coalesce(models.unique_models, 0) AS unique_models,
        coalesce(providers.unique_providers, 0) AS unique_providers
      FROM cut
      LEFT JOIN live ON live.i = cut.i
      LEFT JOIN stored ON stored.i = cut.i
      LEFT JOIN fb ON fb.i = cut.i
      LEFT JOIN models ON models.i = cut.i
      LEFT JOIN providers ON providers.i = cut.i
      ORDER BY cut.i
      """.formatted(UsageFigures.SELECT_LIST, sums("s", ADDITIVE), added("live", "stored", ADDITIVE));

  /** Per window: the additive figures only (today, combined's tail), with the window index i. */
  static final String TOTALS = WINDOWS + """
      , live AS (
        SELECT u.i, %1$s FROM tail u GROUP BY u.i
      ), stored AS (
        SELECT cut.i, %2$s
          FROM cut JOIN stats_hourly s ON s.hour >= cut.f AND s.hour < cut.b
         GROUP BY cut.i
      )
      SELECT cut.i,
        %3$s
      FROM cut
      LEFT JOIN live ON live.i = cut.i
      LEFT JOIN stored ON stored.i = cut.i
      ORDER BY cut.i
      """.formatted(UsageFigures.SELECT_LIST, sums("s", ADDITIVE), added("live", "stored", ADDITIVE));

  /** Per window and model with rows: the figures of stats_daily_model, tail + buckets. */
  static final String MODELS = WINDOWS + """
      , live AS (
        SELECT u.i, u.model, %1$s FROM tail u GROUP BY u.i, u.model
      ), stored AS (
        SELECT cut.i, s.model, %2$s
          FROM cut JOIN stats_hourly_model s ON s.hour >= cut.f AND s.hour < cut.b
         GROUP BY cut.i, s.model
      )
      SELECT coalesce(live.i, stored.i) AS i, coalesce(live.model, stored.model) AS model,
        %3$s
      FROM live FULL JOIN stored ON stored.i = live.i AND stored.model = live.model
      ORDER BY 1, 2
      """.formatted(UsageFigures.SELECT_LIST, sums("s", MODEL_ADDITIVE), added("live", "stored", MODEL_ADDITIVE));
}
