package dev.aether.stats.domain.port;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The stats_hourly buckets of a range of hours: which rows each covers and when it was written. A live
 * result over covered rows may be reused until their bucket is rewritten (the ticks rewrite an hour whose
 * rows changed, and the current hour's bucket at every tick).
 */
public interface HourBucketState {
  /** The buckets of the UTC hours starting in [from, to), in hour order. */
  CompletionStage<List<Bucket>> of(Instant from, Instant to);

  /**
   * One bucket: it holds the usage rows created in [hour, coversUntil); {@code complete} when that is the
   * whole hour, partial (the hour was in progress when it was written) otherwise.
   */
  record Bucket(Instant hour, Instant coversUntil, boolean complete, Instant written) {}
}
