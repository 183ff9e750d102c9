package dev.aether.stats.domain.port;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.model.HistogramBucket;
import dev.aether.stats.domain.model.LatencyDimension;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The non-empty buckets of the days' latency histograms (completed requests; response and first-byte
 * times) per {@link LatencyDimension}: as stored, or computed live from usage. Any order.
 */
public interface LatencyHistogramReader {
  CompletionStage<List<HistogramBucket>> stored(LatencyDimension dimension, DayBounds days);

  CompletionStage<List<HistogramBucket>> live(LatencyDimension dimension, DayBounds days);
}
