package dev.aether.stats.domain.model;

import java.time.Instant;

/**
 * All-time totals: the summary's days before its cutoff plus the live rows from the cutoff up to now,
 * with the account counts. {@code liveFrom} says where the live part starts (the summary's cutoff, or
 * null when there is no summary and everything is live).
 */
public record CombinedStats(Totals totals, UserCounts accounts, Instant liveFrom, Instant asOf) {}
