package dev.aether.stats.domain.planner;

import dev.aether.stats.domain.calendar.DayRange;
import java.util.List;
import java.util.Objects;

/**
 * What one tick should do: materialize these batches of days (each one transaction; consecutive days,
 * disjoint, ascending), refresh the summary (or not), how many days are left for the following ticks, and
 * why, in words an operator reads in the log.
 */
public record RollupPlan(List<DayRange> batches, int deferredDays, boolean refreshSummary, String reason) {

  public RollupPlan {
    batches = List.copyOf(batches);
    Objects.requireNonNull(reason, "reason");
    if (!batches.isEmpty() && !refreshSummary) {
      // The summary sums materialized days: rewriting days without refreshing it would leave it stale.
      throw new IllegalArgumentException("a plan that materializes days must refresh the summary");
    }
    if (deferredDays < 0) {
      throw new IllegalArgumentException("deferredDays must be >= 0, got " + deferredDays);
    }
    for (int i = 1; i < batches.size(); i++) {
      if (!batches.get(i).first().isAfter(batches.get(i - 1).last())) {
        throw new IllegalArgumentException("batches must be disjoint and ascending: " + batches);
      }
    }
  }

  public boolean materializes() {
    return !batches.isEmpty();
  }

  public int days() {
    return batches.stream().mapToInt(DayRange::size).sum();
  }

  /** Whether more work is left than this plan does: the next tick should follow soon. */
  public boolean hasMore() {
    return deferredDays > 0;
  }

  public boolean isIdle() {
    return batches.isEmpty() && !refreshSummary;
  }
}
