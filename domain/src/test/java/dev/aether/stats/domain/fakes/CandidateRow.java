package dev.aether.stats.domain.fakes;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@code request_candidates} row: one provider attempt of a request. Status is one of pending, success,
 * failed, skipped; only success and failed were executed. (request_id, candidate_index, retry_index) is
 * unique.
 */
public record CandidateRow(
    String id, String requestId, int candidateIndex, int retryIndex, String status, Instant createdAt) {

  public CandidateRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean executed() {
    return status.equals("success") || status.equals("failed");
  }
}
