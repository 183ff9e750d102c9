package dev.aether.stats.domain.model;

/** The two latencies with histograms: total response time, and time to the first byte. */
public enum LatencyMetric {
  RESPONSE("response"),
  FIRST_BYTE("first_byte");

  private final String wireName;

  LatencyMetric(String wireName) {
    this.wireName = wireName;
  }

  /** The value of stats_daily_latency_histogram.metric. */
  public String wireName() {
    return wireName;
  }

  public static LatencyMetric ofWireName(String s) {
    for (LatencyMetric m : values()) {
      if (m.wireName.equals(s)) {
        return m;
      }
    }
    throw new IllegalArgumentException("no latency metric " + s);
  }
}
