package dev.aether.stats.domain.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One business day of the whole gateway: a stats_daily row, or the same figures computed live. A stored
 * row keeps only avg_response_time_ms, not the sum and count behind it, so compare
 * {@code totals().avgResponseTimeMs()} across sources, never the sum and count.
 */
public record DailyStats(
    LocalDate day,
    Instant dayStart,
    Totals totals,
    long fallbackCount,
    int uniqueModels,
    int uniqueProviders,
    Source source) {}
