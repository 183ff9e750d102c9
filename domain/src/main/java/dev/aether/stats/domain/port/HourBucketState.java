package dev.aether.stats.domain.port;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Which hours have a complete bucket in stats_hourly (covering the whole hour), and when the newest of
 * them was written: a live result over those hours may be reused until one of them is rewritten.
 */
public interface HourBucketState {
  /** The complete buckets among the UTC hours starting in [from, to). */
  CompletionStage<State> of(Instant from, Instant to);

  /** {@code newestWrite} is null when there is no complete bucket. */
  record State(long completeHours, Instant newestWrite) {}
}
