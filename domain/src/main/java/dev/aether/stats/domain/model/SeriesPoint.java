package dev.aether.stats.domain.model;

import java.time.Instant;

/**
 * One period of a series: its start, its label, and the daily figures summed over its days (or hour).
 * {@code fallbackCount}, {@code uniqueModels} and {@code uniqueProviders} are null where they cannot be
 * known (distinct counts of several days, breakdown tables without them); {@code allCosts} false when
 * only total cost, requests, errors and tokens are known (a user's series: stats_user_daily).
 * {@code source} is "materialized", "live" or "mixed".
 */
public record SeriesPoint(
    Instant periodStart, String period, Totals totals, Long fallbackCount, Integer uniqueModels,
    Integer uniqueProviders, boolean allCosts, String source) {}
