package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.DayBounds;
import io.vertx.sqlclient.Row;
import java.time.Instant;

/**
 * Places result rows on business days. Stored rows carry their day's start ("date"); live rows carry
 * the 1-based bucket that width_bucket(created_at, bounds) gave them.
 */
final class DayRows {
  private DayRows() {}

  /** Index of the stored row's day in {@code days}, or -1 when its date is no day start of this calendar. */
  static int storedIndex(Row r, DayBounds days) {
    Instant start = Sql.instant(r, "date");
    return days.indexOfStart(start);
  }

  /** Index of a live row's day (its bucket column "i" is 1-based). */
  static int liveIndex(Row r) {
    return r.getInteger("i") - 1;
  }

  /** A live query's WHERE on the range: the bounds array is $1. */
  static final String RANGE = "u.created_at >= ($1::timestamptz[])[1]"
      + " AND u.created_at < ($1::timestamptz[])[array_length($1::timestamptz[], 1)]";

  static final String BUCKET = "width_bucket(u.created_at, $1::timestamptz[])";
}
