package dev.aether.stats.changelog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The gateway's reference schema (kept in test resources as reference/aether-schema.sql,
 * so the build needs nothing outside the repository).
 */
final class ReferenceSchema {
  static final List<String> GATEWAY_TABLES = List.of("users", "api_keys", "usage", "request_candidates");
  static final List<String> STATS_TABLES =
      List.of("stats_daily", "stats_user_daily", "stats_daily_model", "stats_summary");

  private ReferenceSchema() {}

  static String sql() throws IOException {
    try (InputStream in = ReferenceSchema.class.getResourceAsStream("/reference/aether-schema.sql")) {
      if (in == null) {
        throw new IOException("reference/aether-schema.sql missing from test resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Only the gateway's source tables (a live gateway that never ran a statistics job). */
  static String gatewayTablesSql() throws IOException {
    String all = sql();
    return all.substring(0, all.indexOf("-- ===== materialized statistics"));
  }
}
