package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.api.InvalidRequestException;
import dev.aether.stats.domain.api.StartRollup;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.planner.RollupPlanner;
import dev.aether.stats.domain.port.LoadRollupState;
import dev.aether.stats.domain.port.MaterializeDays;
import dev.aether.stats.domain.port.RefreshSummary;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.run.DayOutcome;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.run.RunStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Materializes business days and refreshes the summary, as one recorded run.
 *
 * <p>Days are written in batches of {@code batchDays}, one transaction each, so a year of backfill neither
 * holds one huge transaction nor loses everything on a late failure: committed batches stay, the run is
 * recorded FAILED with the cause's message, and the next run (or tick) redoes the rest. Argument errors
 * come back as a failed stage with {@link InvalidRequestException}, before any run is recorded.
 */
public final class RollupService implements StartRollup {
  public static final int MAX_BACKFILL_DAYS = 3650;

  private final MaterializeDays materializeDays;
  private final RefreshSummary refreshSummary;
  private final RunLog runLog;
  private final LoadRollupState rollupState;
  private final BusinessCalendar calendar;
  private final int batchDays;
  private final int parallelism;

  /** One batch at a time. */
  public RollupService(
      MaterializeDays materializeDays,
      RefreshSummary refreshSummary,
      RunLog runLog,
      LoadRollupState rollupState,
      BusinessCalendar calendar,
      int batchDays) {
    this(materializeDays, refreshSummary, runLog, rollupState, calendar, batchDays, 1);
  }

  /**
   * Up to {@code parallelism} batches (of disjoint days) at once: a long backfill then uses that many
   * database connections and cores. Each batch is still one transaction.
   */
  public RollupService(
      MaterializeDays materializeDays,
      RefreshSummary refreshSummary,
      RunLog runLog,
      LoadRollupState rollupState,
      BusinessCalendar calendar,
      int batchDays,
      int parallelism) {
    this.materializeDays = Objects.requireNonNull(materializeDays, "materializeDays");
    this.refreshSummary = Objects.requireNonNull(refreshSummary, "refreshSummary");
    this.runLog = Objects.requireNonNull(runLog, "runLog");
    this.rollupState = Objects.requireNonNull(rollupState, "rollupState");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    if (batchDays < 1) {
      throw new IllegalArgumentException("batchDays must be >= 1, got " + batchDays);
    }
    this.batchDays = batchDays;
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
    this.parallelism = parallelism;
  }

  /** Materializes {@code range} (today allowed: it is rewritten later anyway) and refreshes the summary. */
  public CompletionStage<RollupResult> rollup(DayRange range, RunKind kind, ProgressListener listener) {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(listener, "listener");
    LocalDate today = calendar.today();
    if (range.last().isAfter(today)) {
      return Stages.failed(new InvalidRequestException("cannot roll up " + range + ": " + range.last()
          + " is after today (" + today + " in " + calendar.zone().getId() + ")"));
    }
    return run(kind, range, listener);
  }

  /**
   * Materializes max(first usage day, today - days) .. yesterday and refreshes the summary. With no usage
   * row or no such day, it still refreshes the summary, in a run recorded with no range.
   */
  public CompletionStage<RollupResult> backfill(int days, ProgressListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (days < 1 || days > MAX_BACKFILL_DAYS) {
      return Stages.failed(new InvalidRequestException(
          "backfill days must be between 1 and " + MAX_BACKFILL_DAYS + ", got " + days));
    }
    return Stages.call(rollupState::load).thenCompose(state -> run(RunKind.BACKFILL,
        RollupPlanner.historyRange(state.firstUsageAt(), calendar, days).orElse(null), listener));
  }

  /** Only refreshes the summary, in a run recorded with no range (a tick with no day to write). */
  public CompletionStage<RollupResult> refreshSummaryOnly(RunKind kind, ProgressListener listener) {
    return run(Objects.requireNonNull(kind, "kind"), null, Objects.requireNonNull(listener, "listener"));
  }

  private CompletionStage<RollupResult> run(RunKind kind, DayRange range, ProgressListener listener) {
    // Fixed when the run starts: if midnight passes during a long run, the day that just closed is not
    // materialized yet, and a later cutoff would leave it out of both the summary and combined's live part.
    Instant cutoff = calendar.startOfToday();
    return Stages.call(() -> runLog.start(kind, range, calendar.zone().getId()))
        .thenCompose(run -> Stages.call(() -> execute(run, range, cutoff, listener))
            .handle((result, error) -> error == null ? Stages.done(result) : recordFailure(run, error))
            .thenCompose(stage -> stage));
  }

  private CompletionStage<RollupResult> execute(
      RunRecord run, DayRange range, Instant cutoff, ProgressListener listener) {
    listener.onStart(run);
    List<DayRange> batches = range == null ? List.of() : range.batches(batchDays);
    // lanes run concurrently; each takes every parallelism-th batch, one after the other
    int lanes = Math.min(parallelism, Math.max(1, batches.size()));
    List<CompletableFuture<List<DayOutcome>>> laneResults = new ArrayList<>();
    for (int lane = 0; lane < lanes; lane++) {
      CompletionStage<List<DayOutcome>> outcomes = Stages.done(new ArrayList<>());
      for (int b = lane; b < batches.size(); b += lanes) {
        DayRange batch = batches.get(b);
        outcomes = outcomes.thenCompose(all -> materializeBatch(run.id(), batch, listener)
            .thenApply(batchOutcomes -> {
              all.addAll(batchOutcomes);
              return all;
            }));
      }
      laneResults.add(outcomes.toCompletableFuture());
    }
    CompletionStage<List<DayOutcome>> allDays = CompletableFuture.allOf(laneResults.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> {
          List<DayOutcome> days = new ArrayList<>();
          laneResults.forEach(l -> days.addAll(l.join()));
          days.sort(java.util.Comparator.comparing(DayOutcome::day));
          return days;
        });
    return allDays.thenCompose(days -> Stages.call(() -> refreshSummary.refresh(cutoff))
        .thenCompose(summary -> Stages.call(() -> runLog.finish(run.id(), RunStatus.SUCCEEDED, null))
            .thenApply(finished -> new RollupResult(finished, days, summary))));
  }

  private CompletionStage<List<DayOutcome>> materializeBatch(
      long runId, DayRange batch, ProgressListener listener) {
    long startNanos = System.nanoTime();
    return Stages.call(() -> materializeDays.materialize(calendar.bounds(batch))).thenCompose(outcomes -> {
      if (outcomes == null || outcomes.size() != batch.size()) {
        // An adapter bug; failing beats recording a run that silently skipped days.
        throw new IllegalStateException("materializing " + batch + " reported "
            + (outcomes == null ? "nothing" : outcomes.size() + " day(s)") + ", expected " + batch.size());
      }
      BatchProgress progress = BatchProgress.of(batch, outcomes, (System.nanoTime() - startNanos) / 1_000_000);
      listener.onBatch(progress);
      return Stages.call(() -> runLog.progress(
              runId, progress.daysWritten(), progress.protectedDays().size(), progress.rowsRead()))
          .thenApply(ignored -> outcomes);
    });
  }

  /** Records the run as FAILED, then fails with the original cause (a logging failure is only attached). */
  private CompletionStage<RollupResult> recordFailure(RunRecord run, Throwable error) {
    Throwable cause = Stages.unwrap(error);
    CompletableFuture<RollupResult> failed = new CompletableFuture<>();
    Stages.call(() -> runLog.finish(run.id(), RunStatus.FAILED, Stages.messageOf(cause)))
        .whenComplete((ignored, logError) -> {
          if (logError != null && Stages.unwrap(logError) != cause) {
            cause.addSuppressed(Stages.unwrap(logError));
          }
          failed.completeExceptionally(cause);
        });
    return failed;
  }
}
