package dev.aether.stats.domain.port;

import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.run.HourOutcome;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Recomputes the hour buckets (stats_hourly, per model, per provider) of the given UTC hours from the
 * usage rows and replaces the stored rows, atomically for the whole range; writers of an hour are
 * serialized across processes.
 *
 * <ul>
 *   <li>An hour is PROTECTED (left as stored, rowsRead 0) when it starts before the earliest usage row
 *       still retained (or none is) and its stored row counts more requests than the rows left in it.
 *   <li>Any other hour is WRITTEN: its stats_hourly row (zeros for an empty hour), one row per model of the
 *       hour; breakdown rows of models without rows any more are deleted.
 * </ul>
 *
 * Only rows created before {@code until} are read: an hour that ends after it becomes a partial bucket
 * covering [hour, max(hour, until)), which the hour readers do not serve as the hour's figures but the
 * live reads use for that part of the hour (the timer writes the hour in progress this way).
 *
 * Returns one outcome per hour, in order.
 */
public interface MaterializeHours {
  CompletionStage<List<HourOutcome>> materialize(HourRange hours, Instant until);

  /** Every row of the hours: complete buckets. */
  default CompletionStage<List<HourOutcome>> materialize(HourRange hours) {
    return materialize(hours, hours.to());
  }
}
