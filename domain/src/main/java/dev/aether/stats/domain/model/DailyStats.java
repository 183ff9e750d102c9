package dev.aether.stats.domain.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One business day of the whole gateway: a stats_daily row, or the same figures computed live. The
 * response-time sum and count behind the average are columns we add to stats_daily, so averages of
 * several days merge exactly; a row written by the original aggregator has them at zero.
 */
public record DailyStats(
    LocalDate day,
    Instant dayStart,
    Totals totals,
    long fallbackCount,
    int uniqueModels,
    int uniqueProviders,
    Source source) {}
