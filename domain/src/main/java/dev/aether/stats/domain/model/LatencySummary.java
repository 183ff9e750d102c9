package dev.aether.stats.domain.model;

/**
 * Percentiles (within 1 %, see {@link LatencyHistogram}) and exact maxima of the response and first-byte
 * times of the completed requests of one key; null where there is no value.
 */
public record LatencySummary(
    String key, long completedRequests,
    Double responseP50Ms, Double responseP90Ms, Double responseP99Ms, Long responseMaxMs,
    Double firstByteP50Ms, Double firstByteP90Ms, Double firstByteP99Ms, Long firstByteMaxMs) {

  public static LatencySummary of(String key, LatencyHistogram response, LatencyHistogram firstByte) {
    return new LatencySummary(key, response.count(),
        p(response, 0.5), p(response, 0.9), p(response, 0.99), max(response),
        p(firstByte, 0.5), p(firstByte, 0.9), p(firstByte, 0.99), max(firstByte));
  }

  private static Double p(LatencyHistogram h, double q) {
    var v = h.percentile(q);
    return v.isPresent() ? v.getAsDouble() : null;
  }

  private static Long max(LatencyHistogram h) {
    var v = h.max();
    return v.isPresent() ? v.getAsLong() : null;
  }
}
