package dev.aether.stats.changelog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses a gateway schema we cannot read before anything is changed: every column that our SQL
 * (stats_materialize_days, stats_refresh_summary, the live readers) reads from the gateway's tables must
 * exist. A table that does not exist at all is fine: the changelog then creates it (a fresh database).
 */
final class GatewaySchemaCheck {
  /** The columns we read, per gateway table. Keep in step with the SQL that reads them. */
  static final Map<String, List<String>> REQUIRED_COLUMNS = requiredColumns();

  private GatewaySchemaCheck() {}

  private static Map<String, List<String>> requiredColumns() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("usage", List.of("created_at", "user_id", "api_key_id", "request_id", "first_byte_time_ms", "provider", "model", "status", "status_code", "error_message",
        "response_time_ms", "input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens",
        "input_cost_usd", "output_cost_usd", "cache_creation_cost_usd", "cache_read_cost_usd", "total_cost_usd",
        "actual_total_cost_usd"));
    m.put("request_candidates", List.of("request_id", "candidate_index", "retry_index", "status", "created_at"));
    m.put("users", List.of("id", "username", "is_active", "is_deleted"));
    m.put("api_keys", List.of("id", "user_id", "name", "is_active"));
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Throws when an existing gateway table lacks a column we read; the message names every missing one. */
  static void check(Connection c) throws SQLException, UnsupportedGatewaySchemaException {
    for (Map.Entry<String, List<String>> table : REQUIRED_COLUMNS.entrySet()) {
      Set<String> present = columns(c, table.getKey());
      if (present.isEmpty()) {
        continue; // no such table yet: the changelog creates it
      }
      List<String> missing = new ArrayList<>();
      for (String column : table.getValue()) {
        if (!present.contains(column)) {
          missing.add(table.getKey() + "." + column);
        }
      }
      if (!missing.isEmpty()) {
        throw new UnsupportedGatewaySchemaException(String.join(", ", missing)
            + (missing.size() == 1 ? " is" : " are") + " missing: this gateway schema is not supported (expected"
            + " columns: " + table.getKey() + "(" + String.join(", ", table.getValue()) + "))");
      }
    }
  }

  /** The columns of a table of the current schema (none when it does not exist). */
  private static Set<String> columns(Connection c, String table) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (PreparedStatement st = c.prepareStatement("SELECT a.attname FROM pg_attribute a"
        + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped")) {
      st.setString(1, table);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
