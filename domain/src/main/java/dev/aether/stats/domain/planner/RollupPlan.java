package dev.aether.stats.domain.planner;

import dev.aether.stats.domain.calendar.DayRange;
import java.util.Objects;
import java.util.Optional;

/**
 * What one tick should do: materialize these days (if any), refresh the summary (or not), and why, in
 * words an operator reads in the log.
 */
public record RollupPlan(Optional<DayRange> materialize, boolean refreshSummary, String reason) {

  public RollupPlan {
    Objects.requireNonNull(materialize, "materialize");
    Objects.requireNonNull(reason, "reason");
    if (materialize.isPresent() && !refreshSummary) {
      // The summary sums materialized days: rewriting days without refreshing it would leave it stale.
      throw new IllegalArgumentException("a plan that materializes days must refresh the summary");
    }
  }

  public boolean isIdle() {
    return materialize.isEmpty() && !refreshSummary;
  }
}
