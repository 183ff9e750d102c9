package dev.aether.stats.domain.model;

import java.time.Instant;

/**
 * The stored all-time summary: the totals of every materialized day that starts before {@code cutoff},
 * and the account counts at {@code updatedAt}. Its totals hold what stats_summary stores (requests, errors,
 * the four token sums, total and actual cost); the other cost fields and response times are zero.
 */
public record Summary(Instant cutoff, Totals allTime, UserCounts accounts, Instant updatedAt) {}
