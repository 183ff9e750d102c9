package dev.aether.stats.adapters.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The test oracle: the statistics recomputed the plain way, one query per business day, with the day's
 * bounds computed by PostgreSQL's own time-zone rules ({@code date::timestamp AT TIME ZONE zone}), float
 * sums, avg() and count(DISTINCT), and the fallback count over every attempt ever made. Nothing here
 * shares code or SQL with the production path (width_bucket, numeric sums, level-1 aggregation).
 * Results are keyed "day", "day|user" and "day|model", days as local dates.
 */
final class NaiveStats {
  static final List<String> DAILY_COLUMNS = List.of("total_requests", "success_requests", "error_requests",
      "input_tokens", "output_tokens", "cache_creation_tokens", "cache_read_tokens", "total_cost",
      "actual_total_cost", "input_cost", "output_cost", "cache_creation_cost", "cache_read_cost",
      "avg_response_time_ms", "fallback_count", "unique_models", "unique_providers");
  static final List<String> USER_COLUMNS = List.of("total_requests", "success_requests", "error_requests",
      "input_tokens", "output_tokens", "cache_creation_tokens", "cache_read_tokens", "total_cost");
  static final List<String> MODEL_COLUMNS = List.of("total_requests", "error_requests", "input_tokens",
      "output_tokens", "cache_creation_tokens", "cache_read_tokens", "total_cost", "avg_response_time_ms");
  static final List<String> BREAKDOWN_COLUMNS = List.of("total_requests", "error_requests", "client_errors",
      "service_errors", "input_tokens", "output_tokens", "cache_creation_tokens", "cache_read_tokens",
      "total_cost", "actual_total_cost", "input_cost", "output_cost", "cache_creation_cost", "cache_read_cost",
      "response_time_sum_ms", "response_time_count", "first_byte_sum_ms", "first_byte_count",
      "speed_output_tokens", "speed_generation_ms", "cache_hit_requests");
  static final List<String> PROVIDER_COLUMNS = concat(BREAKDOWN_COLUMNS, List.of("requests_2xx", "requests_3xx",
      "requests_4xx", "requests_5xx", "requests_no_status", "errors_2xx", "errors_3xx", "errors_no_status"));

  /**
   * The breakdown figures, with CASE sums over float columns: client = 4xx, service = 5xx or an error
   * message without status, speed over completed rows with output and response > first byte (NULL = 0).
   */
  private static final String BREAKDOWN_FIGURES = "count(*) AS total_requests,"
      + " sum(CASE WHEN status_code >= 400 OR error_message IS NOT NULL THEN 1 ELSE 0 END) AS error_requests,"
      + " sum(CASE WHEN status_code >= 400 AND status_code < 500 THEN 1 ELSE 0 END) AS client_errors,"
      + " sum(CASE WHEN status_code >= 500 THEN 1 WHEN status_code IS NULL AND error_message IS NOT NULL THEN 1"
      + "   ELSE 0 END) AS service_errors,"
      + " coalesce(sum(input_tokens), 0) AS input_tokens, coalesce(sum(output_tokens), 0) AS output_tokens,"
      + " coalesce(sum(cache_creation_input_tokens), 0) AS cache_creation_tokens,"
      + " coalesce(sum(cache_read_input_tokens), 0) AS cache_read_tokens,"
      + " coalesce(sum(total_cost_usd), 0) AS total_cost, coalesce(sum(actual_total_cost_usd), 0) AS actual_total_cost,"
      + " coalesce(sum(input_cost_usd), 0) AS input_cost, coalesce(sum(output_cost_usd), 0) AS output_cost,"
      + " coalesce(sum(cache_creation_cost_usd), 0) AS cache_creation_cost,"
      + " coalesce(sum(cache_read_cost_usd), 0) AS cache_read_cost,"
      + " coalesce(sum(response_time_ms), 0) AS response_time_sum_ms,"
      + " sum(CASE WHEN response_time_ms IS NULL THEN 0 ELSE 1 END) AS response_time_count,"
      + " coalesce(sum(first_byte_time_ms), 0) AS first_byte_sum_ms,"
      + " sum(CASE WHEN first_byte_time_ms IS NULL THEN 0 ELSE 1 END) AS first_byte_count,"
      + " sum(CASE WHEN status = 'completed' AND output_tokens > 0"
      + "   AND response_time_ms > coalesce(first_byte_time_ms, 0) THEN output_tokens ELSE 0 END) AS speed_output_tokens,"
      + " sum(CASE WHEN status = 'completed' AND output_tokens > 0 AND response_time_ms > coalesce(first_byte_time_ms, 0)"
      + "   THEN response_time_ms - coalesce(first_byte_time_ms, 0) ELSE 0 END) AS speed_generation_ms,"
      + " sum(CASE WHEN cache_read_input_tokens > 0 THEN 1 ELSE 0 END) AS cache_hit_requests,"
      + " sum(CASE WHEN status_code < 300 THEN 1 ELSE 0 END) AS requests_2xx,"
      + " sum(CASE WHEN status_code >= 300 AND status_code < 400 THEN 1 ELSE 0 END) AS requests_3xx,"
      + " sum(CASE WHEN status_code >= 400 AND status_code < 500 THEN 1 ELSE 0 END) AS requests_4xx,"
      + " sum(CASE WHEN status_code >= 500 THEN 1 ELSE 0 END) AS requests_5xx,"
      + " sum(CASE WHEN status_code IS NULL THEN 1 ELSE 0 END) AS requests_no_status,"
      + " sum(CASE WHEN status_code < 300 AND error_message IS NOT NULL THEN 1 ELSE 0 END) AS errors_2xx,"
      + " sum(CASE WHEN status_code >= 300 AND status_code < 400 AND error_message IS NOT NULL THEN 1 ELSE 0 END)"
      + "   AS errors_3xx,"
      + " sum(CASE WHEN status_code IS NULL AND error_message IS NOT NULL THEN 1 ELSE 0 END) AS errors_no_status";

  private static final String BOUNDS = "created_at >= (?::date)::timestamp AT TIME ZONE ?"
      + " AND created_at < (?::date + 1)::timestamp AT TIME ZONE ?";

  private static final String FIGURES = "count(*) AS total_requests,"
      + " count(*) - count(*) FILTER (WHERE status_code >= 400 OR error_message IS NOT NULL) AS success_requests,"
      + " count(*) FILTER (WHERE status_code >= 400 OR error_message IS NOT NULL) AS error_requests,"
      + " coalesce(sum(input_tokens), 0) AS input_tokens, coalesce(sum(output_tokens), 0) AS output_tokens,"
      + " coalesce(sum(cache_creation_input_tokens), 0) AS cache_creation_tokens,"
      + " coalesce(sum(cache_read_input_tokens), 0) AS cache_read_tokens,"
      + " coalesce(sum(total_cost_usd), 0) AS total_cost";

  private NaiveStats() {}

  static Map<String, Map<String, Object>> daily(Connection c, String zone, LocalDate first, LocalDate last)
      throws SQLException {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    String sql = "SELECT " + FIGURES + ", coalesce(sum(actual_total_cost_usd), 0) AS actual_total_cost,"
        + " coalesce(sum(input_cost_usd), 0) AS input_cost, coalesce(sum(output_cost_usd), 0) AS output_cost,"
        + " coalesce(sum(cache_creation_cost_usd), 0) AS cache_creation_cost,"
        + " coalesce(sum(cache_read_cost_usd), 0) AS cache_read_cost,"
        + " coalesce(avg(response_time_ms), 0) AS avg_response_time_ms,"
        + " (SELECT count(*) FROM (SELECT request_id FROM request_candidates WHERE status IN ('success', 'failed')"
        + "   GROUP BY request_id HAVING count(*) > 1 AND min(created_at) >= (?::date)::timestamp AT TIME ZONE ?"
        + "   AND min(created_at) < (?::date + 1)::timestamp AT TIME ZONE ?) r) AS fallback_count,"
        + " count(DISTINCT model) AS unique_models, count(DISTINCT provider) AS unique_providers"
        + " FROM usage WHERE " + BOUNDS;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      try (PreparedStatement st = c.prepareStatement(sql)) {
        bind(st, 1, d, zone);
        bind(st, 5, d, zone);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          out.put(d.toString(), row(rs, DAILY_COLUMNS));
        }
      }
    }
    return out;
  }

  static Map<String, Map<String, Object>> perUser(Connection c, String zone, LocalDate first, LocalDate last)
      throws SQLException {
    return grouped(c, zone, first, last, "user_id", FIGURES, USER_COLUMNS, "user_id IS NOT NULL");
  }

  static Map<String, Map<String, Object>> perModel(Connection c, String zone, LocalDate first, LocalDate last)
      throws SQLException {
    String figures = "count(*) AS total_requests,"
        + " count(*) FILTER (WHERE status_code >= 400 OR error_message IS NOT NULL) AS error_requests,"
        + " coalesce(sum(input_tokens), 0) AS input_tokens,"
        + " coalesce(sum(output_tokens), 0) AS output_tokens,"
        + " coalesce(sum(cache_creation_input_tokens), 0) AS cache_creation_tokens,"
        + " coalesce(sum(cache_read_input_tokens), 0) AS cache_read_tokens,"
        + " coalesce(sum(total_cost_usd), 0) AS total_cost,"
        + " coalesce(avg(response_time_ms), 0) AS avg_response_time_ms";
    return grouped(c, zone, first, last, "model", figures, MODEL_COLUMNS, "true");
  }

  /** stats_daily_provider, keyed "day|provider". */
  static Map<String, Map<String, Object>> perProvider(Connection c, String zone, LocalDate first, LocalDate last)
      throws SQLException {
    return grouped(c, zone, first, last, "provider", BREAKDOWN_FIGURES, PROVIDER_COLUMNS, "true");
  }

  /** stats_daily_api_key, keyed "day|api_key_id"; rows without a key are not counted. */
  static Map<String, Map<String, Object>> perApiKey(Connection c, String zone, LocalDate first, LocalDate last)
      throws SQLException {
    return grouped(c, zone, first, last, "api_key_id", BREAKDOWN_FIGURES, BREAKDOWN_COLUMNS,
        "api_key_id IS NOT NULL");
  }

  /** stats_daily_model_provider, keyed "day|model|provider". */
  static Map<String, Map<String, Object>> perModelProvider(Connection c, String zone, LocalDate first,
      LocalDate last) throws SQLException {
    return grouped(c, zone, first, last, "model || '|' || provider", BREAKDOWN_FIGURES, BREAKDOWN_COLUMNS, "true");
  }

  /**
   * The latency histograms, keyed "day|dimension|key|metric|bucket" with count, min_ms and max_ms: every
   * completed row's value placed by a loop over powers of 1.02 (not by a logarithm).
   */
  static Map<String, Map<String, Object>> histograms(Connection c, String zone, LocalDate first, LocalDate last)
      throws SQLException {
    Map<String, long[]> cells = new TreeMap<>();
    String sql = "SELECT model, provider, response_time_ms, first_byte_time_ms FROM usage WHERE " + BOUNDS
        + " AND status = 'completed'";
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      try (PreparedStatement st = c.prepareStatement(sql)) {
        bind(st, 1, d, zone);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            for (String metric : new String[] {"response", "first_byte"}) {
              int ms = rs.getInt(metric.equals("response") ? 3 : 4);
              if (rs.wasNull()) {
                continue;
              }
              int b = naiveBucket(ms);
              for (String dk : new String[] {"all|", "model|" + rs.getString(1), "provider|" + rs.getString(2)}) {
                long[] cell = cells.computeIfAbsent(d + "|" + dk + "|" + metric + "|" + b,
                    k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
                cell[0]++;
                cell[1] = Math.min(cell[1], ms);
                cell[2] = Math.max(cell[2], ms);
              }
            }
          }
        }
      }
    }
    Map<String, Map<String, Object>> out = new TreeMap<>();
    cells.forEach((k, v) -> out.put(k, new LinkedHashMap<>(Map.of("count", (double) v[0], "min_ms", (double) v[1],
        "max_ms", (double) v[2]))));
    return out;
  }

  static final List<String> HISTOGRAM_COLUMNS = List.of("count", "min_ms", "max_ms");

  /** stats_daily_latency_histogram with its bucket arrays expanded to one row per bucket (a FROM item). */
  static final String HISTOGRAM_CELLS = "(SELECT h.date, h.dimension, h.key, h.metric, b.bucket, b.count, b.min_ms,"
      + " b.max_ms FROM stats_daily_latency_histogram h CROSS JOIN LATERAL unnest(h.buckets, h.counts, h.min_ms,"
      + " h.max_ms) AS b(bucket, count, min_ms, max_ms)) t";

  /** The largest b with 1.02^b <= ms (-1 below 1 ms), by repeated multiplication. */
  static int naiveBucket(int ms) {
    if (ms < 1) {
      return -1;
    }
    int b = 0;
    double upper = 1.02;
    while (upper <= ms) {
      upper *= 1.02;
      b++;
    }
    return b;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  private static Map<String, Map<String, Object>> grouped(Connection c, String zone, LocalDate first, LocalDate last,
      String key, String figures, List<String> columns, String filter) throws SQLException {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    String sql = "SELECT " + key + " AS k, " + figures + " FROM usage WHERE " + BOUNDS + " AND " + filter
        + " GROUP BY " + key;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      try (PreparedStatement st = c.prepareStatement(sql)) {
        bind(st, 1, d, zone);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.put(d + "|" + rs.getString("k"), row(rs, columns));
          }
        }
      }
    }
    return out;
  }

  static final List<String> HOURLY_COLUMNS;
  static final List<String> MODEL_HOURLY_COLUMNS;

  static {
    List<String> hourly = new java.util.ArrayList<>(DAILY_COLUMNS);
    hourly.addAll(List.of("unsettled_requests", "usage_rows"));
    HOURLY_COLUMNS = List.copyOf(hourly);
    List<String> models = new java.util.ArrayList<>(MODEL_COLUMNS);
    models.add("error_requests");
    MODEL_HOURLY_COLUMNS = List.copyOf(models);
  }

  private static final String HOUR_KEY = "to_char(h AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24')";

  /**
   * Every UTC hour of [from, to) (ISO instants, whole hours), keyed "YYYY-MM-DDTHH": a LEFT JOIN of
   * generate_series over the hours with the usage rows of each, float sums, avg(), count(DISTINCT), and the
   * fallbacks over every attempt ever made.
   */
  static Map<String, Map<String, Object>> hourly(Connection c, String from, String to) throws SQLException {
    String sql = "SELECT " + HOUR_KEY + " AS k, count(u.id) AS total_requests,"
        + " count(u.id) - count(u.id) FILTER (WHERE u.status_code >= 400 OR u.error_message IS NOT NULL) AS success_requests,"
        + " count(u.id) FILTER (WHERE u.status_code >= 400 OR u.error_message IS NOT NULL) AS error_requests,"
        + " coalesce(sum(u.input_tokens), 0) AS input_tokens, coalesce(sum(u.output_tokens), 0) AS output_tokens,"
        + " coalesce(sum(u.cache_creation_input_tokens), 0) AS cache_creation_tokens,"
        + " coalesce(sum(u.cache_read_input_tokens), 0) AS cache_read_tokens,"
        + " coalesce(sum(u.total_cost_usd), 0) AS total_cost, coalesce(sum(u.actual_total_cost_usd), 0) AS actual_total_cost,"
        + " coalesce(sum(u.input_cost_usd), 0) AS input_cost, coalesce(sum(u.output_cost_usd), 0) AS output_cost,"
        + " coalesce(sum(u.cache_creation_cost_usd), 0) AS cache_creation_cost,"
        + " coalesce(sum(u.cache_read_cost_usd), 0) AS cache_read_cost,"
        + " coalesce(avg(u.response_time_ms), 0) AS avg_response_time_ms,"
        + " (SELECT count(*) FROM (SELECT request_id FROM request_candidates WHERE status IN ('success', 'failed')"
        + "   GROUP BY request_id HAVING count(*) > 1 AND min(created_at) >= h AND min(created_at) < h + interval '1 hour') r)"
        + "   AS fallback_count,"
        + " count(DISTINCT u.model) AS unique_models, count(DISTINCT u.provider) AS unique_providers,"
        + " count(u.id) FILTER (WHERE u.status IN ('pending', 'streaming')) AS unsettled_requests,"
        + " count(u.id) AS usage_rows"
        + " FROM generate_series(?::timestamptz, ?::timestamptz - interval '1 hour', interval '1 hour') AS g(h)"
        + " LEFT JOIN usage u ON u.created_at >= h AND u.created_at < h + interval '1 hour'"
        + " GROUP BY h ORDER BY h";
    return keyed(c, sql, HOURLY_COLUMNS, from, to);
  }

  /** Every (UTC hour, model) of [from, to) with rows, keyed "YYYY-MM-DDTHH|model". */
  static Map<String, Map<String, Object>> hourlyModels(Connection c, String from, String to) throws SQLException {
    String sql = "SELECT " + HOUR_KEY + " || '|' || u.model AS k, count(*) AS total_requests,"
        + " count(*) FILTER (WHERE u.status_code >= 400 OR u.error_message IS NOT NULL) AS error_requests,"
        + " coalesce(sum(u.input_tokens), 0) AS input_tokens, coalesce(sum(u.output_tokens), 0) AS output_tokens,"
        + " coalesce(sum(u.cache_creation_input_tokens), 0) AS cache_creation_tokens,"
        + " coalesce(sum(u.cache_read_input_tokens), 0) AS cache_read_tokens,"
        + " coalesce(sum(u.total_cost_usd), 0) AS total_cost, coalesce(avg(u.response_time_ms), 0) AS avg_response_time_ms"
        + " FROM generate_series(?::timestamptz, ?::timestamptz - interval '1 hour', interval '1 hour') AS g(h)"
        + " JOIN usage u ON u.created_at >= h AND u.created_at < h + interval '1 hour'"
        + " GROUP BY h, u.model";
    return keyed(c, sql, MODEL_HOURLY_COLUMNS, from, to);
  }

  /** The stored rows of an hour table, keyed like {@link #hourly} / {@link #hourlyModels}. */
  static Map<String, Map<String, Object>> storedHours(Connection c, String table, String key, List<String> columns)
      throws SQLException {
    String keyExpr = key == null ? "" : " || '|' || " + key;
    return keyed(c, "SELECT " + HOUR_KEY.replace("h AT", "hour AT") + keyExpr + " AS k, * FROM " + table, columns);
  }

  private static Map<String, Map<String, Object>> keyed(Connection c, String sql, List<String> columns,
      String... params) throws SQLException {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    try (PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setString(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          if (out.put(rs.getString("k"), row(rs, columns)) != null) {
            throw new AssertionError("duplicate key " + rs.getString("k"));
          }
        }
      }
    }
    return out;
  }

  static final List<String> WINDOW_COLUMNS = List.of("total_requests", "success_requests", "error_requests",
      "input_tokens", "output_tokens", "cache_creation_tokens", "cache_read_tokens", "total_cost",
      "actual_total_cost", "input_cost", "output_cost", "cache_creation_cost", "cache_read_cost",
      "avg_response_time_ms", "unsettled_requests");

  /** The figures of the usage rows in [from, to) (ISO instants), keyed "window". */
  static Map<String, Map<String, Object>> window(Connection c, String from, String to) throws SQLException {
    String sql = "SELECT 'window' AS k, " + FIGURES + ", coalesce(sum(actual_total_cost_usd), 0) AS actual_total_cost,"
        + " coalesce(sum(input_cost_usd), 0) AS input_cost, coalesce(sum(output_cost_usd), 0) AS output_cost,"
        + " coalesce(sum(cache_creation_cost_usd), 0) AS cache_creation_cost,"
        + " coalesce(sum(cache_read_cost_usd), 0) AS cache_read_cost,"
        + " coalesce(avg(response_time_ms), 0) AS avg_response_time_ms,"
        + " count(*) FILTER (WHERE status IN ('pending', 'streaming')) AS unsettled_requests"
        + " FROM usage WHERE created_at >= ?::timestamptz AND created_at < ?::timestamptz";
    return keyed(c, sql, WINDOW_COLUMNS, from, to);
  }

  /** The stored rows of a stats table, keyed like the naive results (days as dates in {@code zone}). */
  static Map<String, Map<String, Object>> stored(Connection c, String table, String key, String zone,
      List<String> columns) throws SQLException {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    String keyExpr = key == null ? "" : " || '|' || " + key;
    try (PreparedStatement st = c.prepareStatement(
        "SELECT ((date AT TIME ZONE ?)::date)::text" + keyExpr + " AS k, * FROM " + table)) {
      st.setString(1, zone);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          if (out.put(rs.getString("k"), row(rs, columns)) != null) {
            throw new AssertionError("duplicate row in " + table + ": " + rs.getString("k"));
          }
        }
      }
    }
    return out;
  }

  private static void bind(PreparedStatement st, int at, LocalDate d, String zone) throws SQLException {
    st.setString(at, d.toString());
    st.setString(at + 1, zone);
    st.setString(at + 2, d.toString());
    st.setString(at + 3, zone);
  }

  private static Map<String, Object> row(ResultSet rs, List<String> columns) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    ResultSetMetaData md = rs.getMetaData();
    for (String col : columns) {
      Object v = rs.getObject(col);
      m.put(col, v instanceof Number n ? (Object) n.doubleValue() : v);
    }
    return m;
  }

  /**
   * Asserts two keyed result sets hold the same keys and, per column, the same numbers: counts exactly,
   * averages to 1e-9 relative (the naive side sums floats), sums of money to 1e-9 relative plus 0.5e-9
   * USD per row: production rounds each value to the nearest 1e-9 USD before its exact integer sum, the
   * precision it states, so n rows may differ from the float sum by up to n * 0.5e-9.
   */
  static void assertSame(String what, Map<String, Map<String, Object>> expected,
      Map<String, Map<String, Object>> actual) {
    if (!expected.keySet().equals(actual.keySet())) {
      var missing = new java.util.TreeSet<>(expected.keySet());
      missing.removeAll(actual.keySet());
      var extra = new java.util.TreeSet<>(actual.keySet());
      extra.removeAll(expected.keySet());
      throw new AssertionError(what + ": keys differ; missing " + missing + ", unexpected " + extra);
    }
    for (var e : expected.entrySet()) {
      Map<String, Object> got = actual.get(e.getKey());
      for (var col : e.getValue().entrySet()) {
        double want = ((Number) col.getValue()).doubleValue();
        double have = ((Number) got.get(col.getKey())).doubleValue();
        boolean money = col.getKey().endsWith("cost");
        boolean average = col.getKey().startsWith("avg_");
        double relative = 1e-9 * Math.max(1.0, Math.abs(want));
        double rows = ((Number) e.getValue().getOrDefault("total_requests", 0)).doubleValue();
        boolean ok = money ? Math.abs(want - have) <= relative + 0.5e-9 * rows
            : average ? Math.abs(want - have) <= relative : want == have;
        if (!ok) {
          throw new AssertionError(what + " " + e.getKey() + " " + col.getKey() + ": expected " + want + " but was "
              + have);
        }
      }
    }
  }
}
