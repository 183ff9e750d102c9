package dev.aether.stats.adapters.postgres;

/**
 * The select list that turns usage rows into the statistics' figures, under the stats tables' column
 * names, for every live query (today, combined, days not materialized yet). It is the Java twin of the
 * aggregation in stats_materialize_days.sql; the oracle tests hold both to the same independent
 * recomputation. Costs are summed as integers of 1e-9 USD (each value rounded to the nearest nano-dollar,
 * half to even), exactly as stats_materialize_days does: exact, so the result does not depend on row
 * order, and returned as the exact numeric decimal (scale 9).
 */
final class UsageFigures {
  private UsageFigures() {}

  static final String ERROR_CONDITION = "(u.status_code >= 400 OR u.error_message IS NOT NULL)";

  static final String SELECT_LIST = String.join(",\n  ",
      "count(*) AS total_requests",
      "count(*) FILTER (WHERE " + ERROR_CONDITION + ") AS error_requests",
      "coalesce(sum(u.input_tokens), 0) AS input_tokens",
      "coalesce(sum(u.output_tokens), 0) AS output_tokens",
      "coalesce(sum(u.cache_creation_input_tokens), 0) AS cache_creation_tokens",
      "coalesce(sum(u.cache_read_input_tokens), 0) AS cache_read_tokens",
      usd("total_cost_usd", "total_cost"),
      usd("actual_total_cost_usd", "actual_total_cost"),
      usd("input_cost_usd", "input_cost"),
      usd("output_cost_usd", "output_cost"),
      usd("cache_creation_cost_usd", "cache_creation_cost"),
      usd("cache_read_cost_usd", "cache_read_cost"),
      "coalesce(sum(u.response_time_ms), 0) AS response_time_sum_ms",
      "count(u.response_time_ms) AS response_time_count",
      "count(*) FILTER (WHERE u.status IN ('pending', 'streaming')) AS unsettled_requests");

  /** The exact sum of a cost column in 1e-9 USD, as a numeric of USD (see the class comment). */
  static String usd(String column, String alias) {
    return "coalesce(sum((u." + column + " * 1e9::float8)::int8), 0) * 0.000000001 AS " + alias;
  }

  /** Completed requests that define the output speed (see stats_materialize_days.sql). */
  private static final String SPEED = "u.status = 'completed' AND u.output_tokens > 0"
      + " AND u.response_time_ms > coalesce(u.first_byte_time_ms, 0)";

  /**
   * The breakdown figures beside {@link #SELECT_LIST} (issue 11), under the breakdown tables' column names:
   * the live twin of l1's extra sums in stats_materialize_days.sql.
   */
  static final String BREAKDOWN_LIST = String.join(",\n  ",
      "count(*) FILTER (WHERE u.status_code BETWEEN 400 AND 499) AS client_errors",
      "count(*) FILTER (WHERE u.status_code >= 500 OR (u.status_code IS NULL AND u.error_message IS NOT NULL))"
          + " AS service_errors",
      "coalesce(sum(u.first_byte_time_ms), 0) AS first_byte_sum_ms",
      "count(u.first_byte_time_ms) AS first_byte_count",
      "coalesce(sum(u.output_tokens) FILTER (WHERE " + SPEED + "), 0) AS speed_output_tokens",
      "coalesce(sum(u.response_time_ms - coalesce(u.first_byte_time_ms, 0)) FILTER (WHERE " + SPEED + "), 0)"
          + " AS speed_generation_ms",
      "count(*) FILTER (WHERE u.cache_read_input_tokens > 0) AS cache_hit_requests",
      "count(*) FILTER (WHERE u.status_code < 300) AS requests_2xx",
      "count(*) FILTER (WHERE u.status_code BETWEEN 300 AND 399) AS requests_3xx",
      "count(*) FILTER (WHERE u.status_code BETWEEN 400 AND 499) AS requests_4xx",
      "count(*) FILTER (WHERE u.status_code >= 500) AS requests_5xx",
      "count(*) FILTER (WHERE u.status_code IS NULL) AS requests_no_status",
      "count(*) FILTER (WHERE u.status_code < 300 AND u.error_message IS NOT NULL) AS errors_2xx",
      "count(*) FILTER (WHERE u.status_code BETWEEN 300 AND 399 AND u.error_message IS NOT NULL) AS errors_3xx",
      "count(*) FILTER (WHERE u.status_code IS NULL AND u.error_message IS NOT NULL) AS errors_no_status");

  /** The latency histogram bucket of m.ms, as stats_materialize_days.sql computes it. */
  static final String HISTOGRAM_BUCKET =
      "CASE WHEN m.ms < 1 THEN -1 ELSE floor(ln(m.ms::float8) / ln(1.02::float8))::int END";
}
