package dev.aether.stats.domain.port;

import java.time.Instant;
import java.util.Objects;

/** An hour whose bucket no longer matches its usage rows, and the first reason that applies. */
public record ChangedHour(Instant hour, Reason reason) {
  public ChangedHour {
    Objects.requireNonNull(hour, "hour");
    Objects.requireNonNull(reason, "reason");
  }

  public enum Reason {
    /** No bucket yet: nothing says its day changed (the days' own reconciliation finds missing days). */
    MISSING,
    /**
     * Written while its hour was in progress (the timer's partial bucket of the current hour): it lacks the
     * hour's later rows. Its day, if closed, was materialized before those rows were all in the hour's
     * bucket, so the day is re-materialized too (only at the first tick after a day ends).
     */
    PARTIAL,
    /** It held pending or streaming rows when written: their figures still change. */
    UNSETTLED,
    /** Its number of usage rows differs from the bucket's (a late row, a deleted row). */
    ROWS,
    /** Its number of pending/streaming rows differs from the bucket's. */
    SETTLED;

    /** Whether the hour's day may differ from what is stored, so the day is re-materialized too. */
    public boolean changesItsDay() {
      return this != MISSING;
    }
  }
}
