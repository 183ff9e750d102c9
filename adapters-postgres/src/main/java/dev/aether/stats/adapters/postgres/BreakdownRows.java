package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.model.BreakdownFigures;
import dev.aether.stats.domain.model.StatusClasses;
import io.vertx.sqlclient.Row;

/** Breakdown figures from a row under the breakdown tables' column names (missing columns are 0). */
final class BreakdownRows {
  private BreakdownRows() {}

  /** {@code withClasses}: whether the status classes are read (stats_daily_provider keeps them). */
  static BreakdownFigures figures(Row r, boolean withClasses) {
    StatusClasses classes = !withClasses ? StatusClasses.ZERO : new StatusClasses(
        Sql.longOrZero(r, "requests_2xx"), Sql.longOrZero(r, "requests_3xx"), Sql.longOrZero(r, "requests_4xx"),
        Sql.longOrZero(r, "requests_5xx"), Sql.longOrZero(r, "requests_no_status"),
        Sql.longOrZero(r, "errors_2xx"), Sql.longOrZero(r, "errors_3xx"), Sql.longOrZero(r, "errors_no_status"));
    return new BreakdownFigures(Sql.totals(r), Sql.longOrZero(r, "client_errors"),
        Sql.longOrZero(r, "service_errors"), Sql.longOrZero(r, "first_byte_sum_ms"),
        Sql.longOrZero(r, "first_byte_count"), Sql.longOrZero(r, "speed_output_tokens"),
        Sql.longOrZero(r, "speed_generation_ms"), Sql.longOrZero(r, "cache_hit_requests"), classes);
  }
}
