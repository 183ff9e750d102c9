package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.model.Summary;
import dev.aether.stats.domain.model.Totals;
import dev.aether.stats.domain.model.UserCounts;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;

/** Maps a stats_summary row (its own all_time_* column names) to the domain's Summary. */
final class SummaryRows {
  private SummaryRows() {}

  static Summary summary(Row r) {
    long requests = Sql.longOrZero(r, "all_time_requests");
    long errors = Sql.longOrZero(r, "all_time_error_requests");
    Totals allTime = new Totals(
        requests,
        errors,
        Sql.longOrZero(r, "all_time_input_tokens"),
        Sql.longOrZero(r, "all_time_output_tokens"),
        Sql.longOrZero(r, "all_time_cache_creation_tokens"),
        Sql.longOrZero(r, "all_time_cache_read_tokens"),
        Sql.decimalOrZero(r, "all_time_cost"),
        Sql.decimalOrZero(r, "all_time_actual_cost"),
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
    UserCounts accounts = new UserCounts(
        Sql.longOrZero(r, "total_users"),
        Sql.longOrZero(r, "active_users"),
        Sql.longOrZero(r, "total_api_keys"),
        Sql.longOrZero(r, "active_api_keys"));
    return new Summary(Sql.instant(r, "cutoff_date"), allTime, accounts, Sql.instant(r, "updated_at"));
  }
}
