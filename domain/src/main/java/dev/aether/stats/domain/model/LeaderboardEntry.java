package dev.aether.stats.domain.model;

import java.math.BigDecimal;

/**
 * One ranked entity of a leaderboard: {@code value} is the ranking metric, {@code share} its part of the
 * sum over every ranked entity (0 when that sum is 0); {@code name} the username or key name, or null.
 */
public record LeaderboardEntry(
    int rank, String id, String name, long totalRequests, long errorRequests, long totalTokens,
    BigDecimal totalCost, double value, double share) {}
