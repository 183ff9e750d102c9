package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.planner.RollupPlan;
import dev.aether.stats.domain.planner.RollupPlanner;
import dev.aether.stats.domain.port.LoadRollupState;
import dev.aether.stats.domain.port.TickLease;
import dev.aether.stats.domain.run.RunKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One timer tick: take the cross-process lease, plan from the database's state, do the plan, release.
 * A tick that finds another one running (in this process, or in another instance) is skipped, not queued:
 * the next tick re-plans from fresh state anyway. With {@link HourlyMaintenance}, a tick first brings
 * the hour buckets (and the days holding changed hours) up to date, then does the days' plan.
 */
public final class RollupTick {
  private final TickLease lease;
  private final LoadRollupState rollupState;
  private final RollupPlanner planner;
  private final RollupService rollups;
  private final BusinessCalendar calendar;
  private final HourlyMaintenance hours; // null: no hour buckets
  // With the hour buckets watching the recent hours for changes, whole settle days are redone only this
  // often (they catch what a count cannot see: a cost corrected in place); without them, at every tick.
  private final Duration settleInterval;
  private volatile Instant lastSettled;
  // The lease alone may be re-entrant within a process (one database session); this makes it exclusive.
  private final AtomicBoolean running = new AtomicBoolean();

  public RollupTick(
      TickLease lease,
      LoadRollupState rollupState,
      RollupPlanner planner,
      RollupService rollups,
      BusinessCalendar calendar) {
    this(lease, rollupState, planner, rollups, calendar, null);
  }

  /** A tick that maintains the hour buckets too ({@code hours} may be null: days only). */
  public RollupTick(
      TickLease lease,
      LoadRollupState rollupState,
      RollupPlanner planner,
      RollupService rollups,
      BusinessCalendar calendar,
      HourlyMaintenance hours) {
    this(lease, rollupState, planner, rollups, calendar, hours, Duration.ZERO);
  }

  /**
   * With the hour buckets, and the settle days redone at most every {@code settleInterval} (ZERO: at every
   * tick). Missing and dirty days are never deferred by it.
   */
  public RollupTick(
      TickLease lease,
      LoadRollupState rollupState,
      RollupPlanner planner,
      RollupService rollups,
      BusinessCalendar calendar,
      HourlyMaintenance hours,
      Duration settleInterval) {
    this.hours = hours;
    this.settleInterval = Objects.requireNonNull(settleInterval, "settleInterval");
    if (settleInterval.isNegative()) {
      throw new IllegalArgumentException("settleInterval must not be negative");
    }
    this.lease = Objects.requireNonNull(lease, "lease");
    this.rollupState = Objects.requireNonNull(rollupState, "rollupState");
    this.planner = Objects.requireNonNull(planner, "planner");
    this.rollups = Objects.requireNonNull(rollups, "rollups");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  public CompletionStage<TickResult> tick() {
    return tick(ProgressListener.NONE);
  }

  /** Completes when the work is done and the lease released; fails with the work's (or release's) cause. */
  public CompletionStage<TickResult> tick(ProgressListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (!running.compareAndSet(false, true)) {
      return Stages.done(TickResult.skipped("a tick is already running in this process"));
    }
    CompletableFuture<TickResult> result = new CompletableFuture<>();
    Stages.call(lease::tryAcquire)
        .thenCompose(held -> held.isEmpty()
            ? Stages.done(TickResult.skipped("another instance holds the tick lease"))
            : workThenRelease(held.get(), listener))
        .whenComplete((tick, error) -> {
          // Cleared before completing, so a caller that chains the next tick on this one is not skipped.
          running.set(false);
          if (error != null) {
            result.completeExceptionally(Stages.unwrap(error));
          } else {
            result.complete(tick);
          }
        });
    return result;
  }

  private CompletionStage<TickResult> workThenRelease(TickLease.Held held, ProgressListener listener) {
    return Stages.call(() -> work(listener)).handle((tick, workError) -> {
      CompletableFuture<TickResult> released = new CompletableFuture<>();
      Stages.call(held::release).whenComplete((ignored, releaseError) -> {
        if (workError != null) {
          Throwable cause = Stages.unwrap(workError);
          if (releaseError != null) {
            cause.addSuppressed(Stages.unwrap(releaseError));
          }
          released.completeExceptionally(cause);
        } else if (releaseError != null) {
          released.completeExceptionally(Stages.unwrap(releaseError));
        } else {
          released.complete(tick);
        }
      });
      return released;
    }).thenCompose(stage -> stage);
  }

  private CompletionStage<TickResult> work(ProgressListener listener) {
    if (hours == null) {
      return days(listener, false);
    }
    return Stages.call(hours::run).thenCompose(h -> days(listener, h.daysWritten() > 0));
  }

  /** The days' plan; {@code daysChanged}: the hour maintenance rewrote days, so the summary is refreshed. */
  private CompletionStage<TickResult> days(ProgressListener listener, boolean daysChanged) {
    Instant now = calendar.now();
    Instant last = lastSettled;
    boolean settle = hours == null || last == null || !now.isBefore(last.plus(settleInterval));
    return Stages.call(rollupState::load).thenCompose(state -> {
      RollupPlan plan = planner.plan(state, calendar, settle);
      if (plan.materializes()) {
        return rollups.reconcile(plan, RunKind.TICK, listener)
            .thenApply(run -> {
              if (settle) {
                lastSettled = now;
              }
              return TickResult.of(TickResult.Outcome.MATERIALIZED, plan, run);
            });
      }
      if (settle) {
        lastSettled = now; // nothing to settle (no closed day yet)
      }
      if (plan.refreshSummary() || daysChanged) {
        return rollups.refreshSummaryOnly(RunKind.TICK, listener)
            .thenApply(run -> TickResult.of(TickResult.Outcome.REFRESHED, plan, run));
      }
      return Stages.done(TickResult.of(TickResult.Outcome.IDLE, plan, null));
    });
  }
}
