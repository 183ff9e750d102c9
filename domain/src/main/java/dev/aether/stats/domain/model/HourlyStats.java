package dev.aether.stats.domain.model;

import java.time.Instant;

/**
 * One UTC hour of the whole gateway: a stats_hourly row, or the same figures computed live. Carries the
 * figures of a {@link DailyStats} plus how many of the hour's rows were still 'pending' or 'streaming'
 * (when the row was written, or now for a live hour).
 */
public record HourlyStats(
    Instant hour,
    Totals totals,
    long fallbackCount,
    int uniqueModels,
    int uniqueProviders,
    long unsettledRequests,
    Source source) {

  public static HourlyStats empty(Instant hour, Source source) {
    return new HourlyStats(hour, Totals.ZERO, 0, 0, 0, 0, source);
  }
}
