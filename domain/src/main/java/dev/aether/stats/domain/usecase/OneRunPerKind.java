package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.api.RunAlreadyRunningException;
import dev.aether.stats.domain.api.StartRollup;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.run.RunStatus;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * At most one run of each kind (rollup, backfill) at a time: a second start while one runs fails with
 * {@link RunAlreadyRunningException} naming the running run, so that operators cannot stack backfills
 * that would starve the connection pool the readers use.
 *
 * <p>In this process the guard is exact: a run of the kind is reserved synchronously before anything
 * starts, and released when it ends (a second start that arrives before the first is recorded waits for
 * that record to name it). Across instances it is best effort: before starting, the run log's newest
 * {@value #SCAN} runs are read, and one of the same kind shown running (its lease is held by a live
 * process, or it would show interrupted) refuses the start; two instances asked at the same instant may
 * both start. The timer's ticks are not guarded here (a tick never overlaps itself, and per-day locks keep
 * any overlap correct).
 */
public final class OneRunPerKind implements StartRollup {
  /** How far back the run log is searched for another process's run. */
  static final int SCAN = 100;

  private final StartRollup runs;
  private final RunLog runLog;
  private final Map<RunKind, CompletableFuture<RunRecord>> inProgress = new ConcurrentHashMap<>();

  public OneRunPerKind(StartRollup runs, RunLog runLog) {
    this.runs = Objects.requireNonNull(runs, "runs");
    this.runLog = Objects.requireNonNull(runLog, "runLog");
  }

  @Override
  public CompletionStage<RollupResult> rollup(DayRange range, RunKind kind, ProgressListener listener) {
    return exclusive(kind, l -> runs.rollup(range, kind, l), listener);
  }

  @Override
  public CompletionStage<RollupResult> backfill(int days, ProgressListener listener) {
    return exclusive(RunKind.BACKFILL, l -> runs.backfill(days, l), listener);
  }

  private CompletionStage<RollupResult> exclusive(
      RunKind kind, Function<ProgressListener, CompletionStage<RollupResult>> launch, ProgressListener listener) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(listener, "listener");
    CompletableFuture<RunRecord> recorded = new CompletableFuture<>();
    CompletableFuture<RunRecord> running = inProgress.putIfAbsent(kind, recorded);
    if (running != null) {
      // the other start may not be recorded yet; once it is, its id is the answer. If it never was (a bad
      // range, a database that is down), it has released the kind: try again.
      return running.handle((run, error) -> run).thenCompose(run -> run == null
          ? exclusive(kind, launch, listener)
          : Stages.failed(new RunAlreadyRunningException(kind, run.id())));
    }
    ProgressListener tracking = new ProgressListener() {
      @Override
      public void onStart(RunRecord run) {
        recorded.complete(run);
        listener.onStart(run);
      }

      @Override
      public void onBatch(BatchProgress batch) {
        listener.onBatch(batch);
      }
    };
    CompletionStage<RollupResult> whole = runningElsewhere(kind).thenCompose(other -> other.isPresent()
        ? Stages.failed(new RunAlreadyRunningException(kind, other.get().id()))
        : Stages.call(() -> launch.apply(tracking)));
    return whole.whenComplete((result, error) -> {
      // released before the waiting starts hear of it, so that their retry finds the kind free
      inProgress.remove(kind, recorded);
      if (error == null) {
        recorded.complete(result.run());
      } else {
        recorded.completeExceptionally(error);
      }
    });
  }

  /** The newest run of {@code kind} another process shows as running, if any. */
  private CompletionStage<Optional<RunRecord>> runningElsewhere(RunKind kind) {
    return Stages.call(() -> runLog.recent(SCAN)).thenApply(recent -> recent.stream()
        .filter(r -> r.kind() == kind && r.status() == RunStatus.RUNNING)
        .findFirst());
  }
}
