package dev.aether.stats.domain.model;

import java.util.Locale;

/** What a latency histogram is kept per (besides the day): the whole gateway, a model, a provider. */
public enum LatencyDimension {
  ALL,
  MODEL,
  PROVIDER;

  /** The value of stats_daily_latency_histogram.dimension. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
