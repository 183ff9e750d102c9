package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.model.Totals;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between the domain's types and vertx-pg-client's, in one place. */
final class Sql {
  private Sql() {}

  /** vertx-pg-client binds timestamptz from OffsetDateTime only (an Instant is refused). */
  static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(Row row, String column) {
    OffsetDateTime t = row.getOffsetDateTime(column);
    return t == null ? null : t.toInstant();
  }

  static OffsetDateTime[] bounds(DayBounds days) {
    return days.bounds().stream().map(Sql::ts).toArray(OffsetDateTime[]::new);
  }

  /** The n + 1 bounds of n hours, for width_bucket. */
  static OffsetDateTime[] bounds(HourRange hours) {
    OffsetDateTime[] out = new OffsetDateTime[hours.size() + 1];
    for (int i = 0; i <= hours.size(); i++) {
      out[i] = ts(hours.hour(i));
    }
    return out;
  }

  /** A long column, or 0 when the query does not select it or it is NULL. */
  static long longOrZero(Row row, String column) {
    int i = row.getColumnIndex(column);
    if (i < 0) {
      return 0;
    }
    Object v = row.getValue(i);
    if (v == null) {
      return 0;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException(column + " is not a number: " + v.getClass());
  }

  /**
   * A cost column: numeric (exact sums computed in SQL) or double precision (as stored in the stats
   * tables; taken by its shortest decimal form, which is what the stored double means). 0 when absent.
   */
  static BigDecimal decimalOrZero(Row row, String column) {
    int i = row.getColumnIndex(column);
    if (i < 0) {
      return BigDecimal.ZERO;
    }
    Object v = row.getValue(i);
    if (v == null) {
      return BigDecimal.ZERO;
    }
    if (v instanceof Numeric n) {
      return n.bigDecimalValue();
    }
    if (v instanceof BigDecimal b) {
      return b;
    }
    if (v instanceof Double d) {
      return BigDecimal.valueOf(d);
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    throw new IllegalStateException(column + " is not a number: " + v.getClass());
  }

  /**
   * Totals from a row that uses the stats tables' column names (total_requests, error_requests,
   * input_tokens, ..., total_cost, ..., response_time_sum_ms, response_time_count); missing ones are 0.
   */
  static Totals totals(Row row) {
    return new Totals(
        longOrZero(row, "total_requests"),
        longOrZero(row, "error_requests"),
        longOrZero(row, "input_tokens"),
        longOrZero(row, "output_tokens"),
        longOrZero(row, "cache_creation_tokens"),
        longOrZero(row, "cache_read_tokens"),
        decimalOrZero(row, "total_cost"),
        decimalOrZero(row, "actual_total_cost"),
        decimalOrZero(row, "input_cost"),
        decimalOrZero(row, "output_cost"),
        decimalOrZero(row, "cache_creation_cost"),
        decimalOrZero(row, "cache_read_cost"),
        longOrZero(row, "response_time_sum_ms"),
        longOrZero(row, "response_time_count"));
  }
}
