package dev.aether.stats.domain.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One bucket of one day's latency histogram (a stats_daily_latency_histogram row, or the same computed
 * live): {@code key} is "" for {@link LatencyDimension#ALL}, else the model or provider. {@code minMs} /
 * {@code maxMs} are the extreme values that fell into the bucket.
 */
public record HistogramBucket(
    LocalDate day, String key, LatencyMetric metric, int bucket, long count, long minMs, long maxMs) {
  public HistogramBucket {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(metric, "metric");
  }
}
