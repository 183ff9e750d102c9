package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.api.InvalidRequestException;
import dev.aether.stats.domain.api.StartRollup;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.planner.HistoryWindow;
import dev.aether.stats.domain.planner.RollupPlan;
import dev.aether.stats.domain.planner.RollupPlanner;
import dev.aether.stats.domain.planner.SummaryScope;
import dev.aether.stats.domain.port.LoadRollupState;
import dev.aether.stats.domain.port.MaterializeDays;
import dev.aether.stats.domain.port.MaterializeHours;
import dev.aether.stats.domain.port.RefreshSummary;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.run.DayOutcome;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.run.RunStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Materializes business days and refreshes the summary, as one recorded run.
 *
 * <p>Days are written in batches of {@code batchDays}, one transaction each, so a year of backfill neither
 * holds one huge transaction nor loses everything on a late failure. A failed batch does not stop the
 * others: every batch is tried, committed ones stay, the summary is refreshed over what is stored (its
 * cutoff stops at the first day still missing, see {@link SummaryScope}), and the run is recorded FAILED
 * with the first cause. The next tick's reconciliation redoes what is missing. Argument errors come back
 * as a failed stage with {@link InvalidRequestException}, before any run is recorded.
 *
 * <p>Each batch first rewrites the hour buckets of its days (the UTC hours overlapping them, up to now), in a
 * statement of its own, then the days: a backfill leaves hour history behind it, and a rollup or settle
 * pass that catches a change the ticks' row count cannot see (a cost corrected in place) fixes the hours as
 * well as the day, so a day stays the sum of its hours. Hours first (as a tick does them): when they fail,
 * the batch fails before its days are written, so days that were missing stay missing and the next
 * reconciliation redoes them, hours included, instead of leaving committed days without their hours.
 */
public final class RollupService implements StartRollup {
  public static final int MAX_BACKFILL_DAYS = 3650;

  /** For the constructors without hour buckets (tests of the day logic alone): writes nothing. */
  private static final MaterializeHours NO_HOURS = (hours, until) -> Stages.done(List.of());

  private final MaterializeDays materializeDays;
  private final MaterializeHours materializeHours;
  private final RefreshSummary refreshSummary;
  private final RunLog runLog;
  private final LoadRollupState rollupState;
  private final BusinessCalendar calendar;
  private final HistoryWindow window;
  private final int batchDays;
  private final int parallelism;

  /** One batch at a time, all of history. */
  public RollupService(
      MaterializeDays materializeDays,
      RefreshSummary refreshSummary,
      RunLog runLog,
      LoadRollupState rollupState,
      BusinessCalendar calendar,
      int batchDays) {
    this(materializeDays, refreshSummary, runLog, rollupState, calendar, HistoryWindow.all(), batchDays, 1);
  }

  /** {@link #RollupService(MaterializeDays, MaterializeHours, RefreshSummary, RunLog, LoadRollupState, BusinessCalendar, HistoryWindow, int, int)} without hour buckets. */
  public RollupService(
      MaterializeDays materializeDays,
      RefreshSummary refreshSummary,
      RunLog runLog,
      LoadRollupState rollupState,
      BusinessCalendar calendar,
      HistoryWindow window,
      int batchDays,
      int parallelism) {
    this(materializeDays, NO_HOURS, refreshSummary, runLog, rollupState, calendar, window, batchDays, parallelism);
  }

  /**
   * Up to {@code parallelism} batches (of disjoint days) at once: a long backfill then uses that many
   * database connections and cores. Each batch is one transaction for its hours, then one for its days.
   * {@code window} is the history the summary covers (all of it unless the operator capped it).
   */
  public RollupService(
      MaterializeDays materializeDays,
      MaterializeHours materializeHours,
      RefreshSummary refreshSummary,
      RunLog runLog,
      LoadRollupState rollupState,
      BusinessCalendar calendar,
      HistoryWindow window,
      int batchDays,
      int parallelism) {
    this.materializeDays = Objects.requireNonNull(materializeDays, "materializeDays");
    this.materializeHours = Objects.requireNonNull(materializeHours, "materializeHours");
    this.refreshSummary = Objects.requireNonNull(refreshSummary, "refreshSummary");
    this.runLog = Objects.requireNonNull(runLog, "runLog");
    this.rollupState = Objects.requireNonNull(rollupState, "rollupState");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.window = Objects.requireNonNull(window, "window");
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
    return run(kind, batchesOf(range), listener);
  }

  /**
   * Materializes every closed day of history (the first usage day .. yesterday; with {@code days}, at most
   * the last {@code days} of them) and refreshes the summary. With no usage row or no such day, it still
   * refreshes the summary, in a run recorded with no range.
   */
  public CompletionStage<RollupResult> backfill(OptionalInt days, ProgressListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (days.isPresent() && (days.getAsInt() < 1 || days.getAsInt() > MAX_BACKFILL_DAYS)) {
      return Stages.failed(new InvalidRequestException(
          "backfill days must be between 1 and " + MAX_BACKFILL_DAYS + ", got " + days.getAsInt()));
    }
    HistoryWindow history = days.isPresent() ? HistoryWindow.last(days.getAsInt()) : HistoryWindow.all();
    return Stages.call(rollupState::load).thenCompose(state -> run(RunKind.BACKFILL,
        RollupPlanner.historyRange(history, state.firstUsageAt(), calendar)
            .map(this::batchesOf).orElse(List.of()), listener));
  }

  /**
   * The batches of a rollup or backfill: at most {@code batchDays} days each and, when several lanes run, a
   * multiple of the lanes in number, of equal length, so that every lane gets the same share: a 30-day
   * backfill on two lanes is two batches of 15 days (not one of 30 on one lane, the other idle), and 91 days
   * are four of 23 (not three of 31, of which one lane does two). One lane keeps the plain split.
   */
  private List<DayRange> batchesOf(DayRange range) {
    if (parallelism == 1) {
      return range.batches(batchDays);
    }
    int days = range.days().size();
    int needed = ceilDiv(days, batchDays);
    int batches = ceilDiv(needed, parallelism) * parallelism;
    return range.batches(ceilDiv(days, batches));
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /** {@link #backfill(OptionalInt, ProgressListener)} of at most the last {@code days} days. */
  public CompletionStage<RollupResult> backfill(int days, ProgressListener listener) {
    return backfill(OptionalInt.of(days), listener);
  }

  /** Does a tick's plan: its batches (if any), then the summary. */
  public CompletionStage<RollupResult> reconcile(RollupPlan plan, RunKind kind, ProgressListener listener) {
    Objects.requireNonNull(plan, "plan");
    return run(Objects.requireNonNull(kind, "kind"), plan.batches(), Objects.requireNonNull(listener, "listener"));
  }

  /** Only refreshes the summary, in a run recorded with no range (a tick with no day to write). */
  public CompletionStage<RollupResult> refreshSummaryOnly(RunKind kind, ProgressListener listener) {
    return run(Objects.requireNonNull(kind, "kind"), List.of(), Objects.requireNonNull(listener, "listener"));
  }

  private CompletionStage<RollupResult> run(RunKind kind, List<DayRange> batches, ProgressListener listener) {
    // Fixed when the run starts: if midnight passes during a long run, the day that just closed is not
    // materialized yet, and a later cutoff would leave it out of both the summary and combined's live part.
    Instant latestCutoff = calendar.startOfToday();
    DayRange span = batches.isEmpty() ? null
        : new DayRange(batches.get(0).first(), batches.get(batches.size() - 1).last());
    return Stages.call(() -> runLog.start(kind, span, calendar.zone().getId()))
        .thenCompose(run -> Stages.call(() -> execute(run, batches, latestCutoff, listener))
            .handle((result, error) -> error == null ? Stages.done(result) : recordFailure(run, error))
            .thenCompose(stage -> stage));
  }

  /** The outcome of one lane: the days it wrote or left alone, and the first batch failure, if any. */
  private record LaneResult(List<DayOutcome> days, List<Throwable> failures) {}

  private CompletionStage<RollupResult> execute(
      RunRecord run, List<DayRange> batches, Instant latestCutoff, ProgressListener listener) {
    listener.onStart(run);
    // lanes run concurrently; each takes every parallelism-th batch, one after the other, and goes on
    // after a failed batch (its days are simply still missing for the next reconciliation)
    int lanes = Math.min(parallelism, Math.max(1, batches.size()));
    List<CompletableFuture<LaneResult>> laneResults = new ArrayList<>();
    for (int lane = 0; lane < lanes; lane++) {
      CompletionStage<LaneResult> outcomes = Stages.done(new LaneResult(new ArrayList<>(), new ArrayList<>()));
      for (int b = lane; b < batches.size(); b += lanes) {
        DayRange batch = batches.get(b);
        outcomes = outcomes.thenCompose(acc -> materializeBatch(run.id(), batch, listener)
            .handle((batchOutcomes, error) -> {
              if (error == null) {
                acc.days().addAll(batchOutcomes);
              } else {
                acc.failures().add(Stages.unwrap(error));
              }
              return acc;
            }));
      }
      laneResults.add(outcomes.toCompletableFuture());
    }
    return CompletableFuture.allOf(laneResults.toArray(CompletableFuture[]::new))
        .thenCompose(ignored -> {
          List<DayOutcome> days = new ArrayList<>();
          List<Throwable> failures = new ArrayList<>();
          laneResults.forEach(l -> {
            days.addAll(l.join().days());
            failures.addAll(l.join().failures());
          });
          days.sort(Comparator.comparing(DayOutcome::day));
          // the summary is refreshed even after a failed batch: the committed days count, the missing
          // ones move its cutoff back so that combined reads them live
          return Stages.call(rollupState::load)
              .thenCompose(state -> {
                SummaryScope scope = SummaryScope.of(state, calendar, window, latestCutoff);
                return Stages.call(() -> refreshSummary.refresh(scope.cutoff(), scope.dayStarts()));
              })
              .thenCompose(summary -> {
                if (!failures.isEmpty()) {
                  Throwable first = failures.get(0);
                  // one batch: its own cause, as it was; several: how many failed, and the first cause
                  Throwable failed = batches.size() == 1 ? first
                      : new BatchesFailedException(failures.size(), batches.size(), first);
                  return Stages.<RollupResult>failed(failed);
                }
                return Stages.call(() -> runLog.finish(run.id(), RunStatus.SUCCEEDED, null))
                    .thenApply(finished -> new RollupResult(finished, days, summary));
              });
        });
  }

  private CompletionStage<List<DayOutcome>> materializeBatch(
      long runId, DayRange batch, ProgressListener listener) {
    long startNanos = System.nanoTime();
    DayBounds bounds = calendar.bounds(batch);
    return materializeHoursOf(bounds)
        .thenCompose(hoursDone -> Stages.call(() -> materializeDays.materialize(bounds)))
        .thenCompose(outcomes -> {
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

  /**
   * The hour buckets of a batch's days: every UTC hour overlapping [first day's start, last day's end), up to
   * now (a batch ending today writes the current hour as a partial bucket, as a tick does). In zones whose
   * days start inside an hour (+05:30, +05:45), the hours at both ends are shared with the neighbouring
   * days and written whole.
   */
  private CompletionStage<?> materializeHoursOf(DayBounds bounds) {
    Instant now = calendar.now();
    Instant end = bounds.end().isAfter(now) ? now : bounds.end();
    return HourRange.covering(bounds.start(), end)
        .<CompletionStage<?>>map(hours -> Stages.call(() -> materializeHours.materialize(hours, now)))
        .orElseGet(() -> Stages.done(null));
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
