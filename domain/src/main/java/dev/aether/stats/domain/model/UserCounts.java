package dev.aether.stats.domain.model;

/** Snapshot of the gateway's accounts: users (soft-deleted ones not counted) and API keys. */
public record UserCounts(long totalUsers, long activeUsers, long totalApiKeys, long activeApiKeys) {
  public static final UserCounts ZERO = new UserCounts(0, 0, 0, 0);
}
