package dev.aether.stats.domain.fakes;

import java.time.Instant;

/**
 * Writes the gateway's source tables, as the gateway would: how tests build data for the stats ports.
 * Implemented in memory here and over PostgreSQL in adapters-postgres, so the same hand-built data runs
 * against both. Synchronous (test threads may block); constraint violations (duplicate ids or request
 * ids, unknown user or key referenced) fail with an exception, as the database would.
 */
public interface GatewayData {

  void addUser(UserRow user);

  /** Replaces is_active and is_deleted of an existing user. */
  void updateUser(UserRow user);

  void addApiKey(ApiKeyRow key);

  /** Replaces is_active of an existing key. */
  void updateApiKey(ApiKeyRow key);

  void addUsage(UsageRow row);

  /** Replaces every column of the usage row with this id (a request completing, or being corrected). */
  void updateUsage(UsageRow row);

  /** Deletes one usage row (an operator removing a bogus request); fails when there is no such row. */
  void deleteUsage(String id);

  /** The retention job: deletes usage rows created before {@code instant}; returns how many. */
  int deleteUsageBefore(Instant instant);

  void addCandidate(CandidateRow candidate);

  default void addUsage(UsageRow first, UsageRow... more) {
    addUsage(first);
    for (UsageRow row : more) {
      addUsage(row);
    }
  }
}
