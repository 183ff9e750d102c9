package dev.aether.stats.domain.cache;

import dev.aether.stats.domain.port.HourBucketState.Bucket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How far the hour buckets cover the usage rows from {@code from} on without a gap, the rule the live
 * reads follow (complete buckets up to the first hour without one, then that hour's partial bucket):
 * rows of [from, completeUntil) are in complete buckets, the newest written at {@code newestComplete};
 * rows of [completeUntil, partial.until) in the partial bucket of the hour completeUntil, when it has one.
 *
 * @param newestComplete null when completeUntil is from
 * @param partial null when the hour completeUntil has no partial bucket that holds rows
 */
record BucketCoverage(Instant completeUntil, Instant newestComplete, Partial partial) {
  record Partial(Instant until, Instant written) {}

  /** The coverage of [from, to) by {@code buckets}, the buckets of its hours in hour order. */
  static BucketCoverage of(Instant from, Instant to, List<Bucket> buckets) {
    Instant next = from;
    Instant newest = null;
    for (Bucket b : buckets) {
      if (!b.hour().equals(next) || !next.isBefore(to)) {
        break;
      }
      if (!b.complete()) {
        return new BucketCoverage(next, newest,
            b.coversUntil().isAfter(b.hour()) ? new Partial(b.coversUntil(), b.written()) : null);
      }
      newest = newest == null || b.written().isAfter(newest) ? b.written() : newest;
      next = next.plus(Duration.ofHours(1));
    }
    return new BucketCoverage(next, newest, null);
  }
}
