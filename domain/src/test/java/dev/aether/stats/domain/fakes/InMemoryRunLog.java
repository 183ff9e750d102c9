package dev.aether.stats.domain.fakes;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.run.RunStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Runs kept in a list, ids from 1, owner "in-memory". */
final class InMemoryRunLog implements RunLog {
  static final String OWNER = "in-memory";

  private final Clock clock;
  private final List<RunRecord> runs = new ArrayList<>();

  InMemoryRunLog(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized CompletionStage<RunRecord> start(RunKind kind, DayRange range, String timeZone) {
    RunRecord run = new RunRecord(runs.size() + 1L, kind, range, timeZone, RunStatus.RUNNING, 0, 0, 0,
        clock.instant(), null, null, OWNER);
    runs.add(run);
    return CompletableFuture.completedFuture(run);
  }

  @Override
  public synchronized CompletionStage<Void> progress(long runId, int daysWritten, int daysSkipped, long rowsRead) {
    if (!exists(runId)) {
      return CompletableFuture.failedFuture(new NoSuchElementException("no run " + runId));
    }
    RunRecord r = get(runId);
    replace(new RunRecord(r.id(), r.kind(), r.range(), r.timeZone(), r.status(), r.daysWritten() + daysWritten,
        r.daysSkipped() + daysSkipped, r.rowsRead() + rowsRead, r.startedAt(), r.finishedAt(), r.error(),
        r.owner()));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized CompletionStage<RunRecord> finish(long runId, RunStatus status, String error) {
    if (!exists(runId)) {
      return CompletableFuture.failedFuture(new NoSuchElementException("no run " + runId));
    }
    RunRecord r = get(runId);
    RunRecord done = new RunRecord(r.id(), r.kind(), r.range(), r.timeZone(), status, r.daysWritten(),
        r.daysSkipped(), r.rowsRead(), r.startedAt(), clock.instant(), error, r.owner());
    replace(done);
    return CompletableFuture.completedFuture(done);
  }

  @Override
  public synchronized CompletionStage<Optional<RunRecord>> find(long runId) {
    return CompletableFuture.completedFuture(
        exists(runId) ? Optional.of(runs.get((int) runId - 1)) : Optional.empty());
  }

  @Override
  public synchronized CompletionStage<List<RunRecord>> recent(int limit) {
    List<RunRecord> newestFirst = new ArrayList<>();
    for (int i = runs.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
      newestFirst.add(runs.get(i));
    }
    return CompletableFuture.completedFuture(newestFirst);
  }

  synchronized List<RunRecord> all() {
    return List.copyOf(runs);
  }

  private boolean exists(long runId) {
    return runId >= 1 && runId <= runs.size();
  }

  private RunRecord get(long runId) {
    return runs.get((int) runId - 1);
  }

  private void replace(RunRecord run) {
    runs.set((int) run.id() - 1, run);
  }
}
