package dev.aether.stats.domain.model;

import java.time.Instant;

/**
 * Figures computed from the usage rows of [from, to) at read time, plus how many of those rows are still
 * 'pending' or 'streaming' (their tokens and costs will still change).
 */
public record LiveTotals(Instant from, Instant to, Totals totals, long unsettledRequests) {}
