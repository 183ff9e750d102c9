package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.planner.RollupPlan;
import java.util.Objects;
import java.util.Optional;

/** What one timer tick did. {@code plan} is absent when skipped; {@code run} only when a run happened. */
public record TickResult(Outcome outcome, String reason, Optional<RollupPlan> plan, Optional<RollupResult> run) {

  public enum Outcome {
    /** Another tick runs in this process, or another instance holds the lease. */
    SKIPPED,
    /** The plan had nothing to do. */
    IDLE,
    /** Only the summary was refreshed. */
    REFRESHED,
    /** Days were materialized and the summary refreshed. */
    MATERIALIZED
  }

  public TickResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(run, "run");
  }

  static TickResult skipped(String reason) {
    return new TickResult(Outcome.SKIPPED, reason, Optional.empty(), Optional.empty());
  }

  static TickResult of(Outcome outcome, RollupPlan plan, RollupResult run) {
    return new TickResult(outcome, plan.reason(), Optional.of(plan), Optional.ofNullable(run));
  }

  public boolean skipped() {
    return outcome == Outcome.SKIPPED;
  }

  /** The plan left days for the following ticks (a long catch-up): the timer should tick again soon. */
  public boolean hasMore() {
    return plan.map(RollupPlan::hasMore).orElse(false);
  }
}
