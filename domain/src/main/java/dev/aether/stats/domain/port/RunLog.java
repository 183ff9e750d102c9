package dev.aether.stats.domain.port;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.run.RunStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The record of rollup runs (stats_rollup_runs), for operators and for the timer. */
public interface RunLog {
  /** Records a new run in status RUNNING, owned by this process. */
  CompletionStage<RunRecord> start(RunKind kind, DayRange range, String timeZone);

  /** Adds a batch's figures to the running record. */
  CompletionStage<Void> progress(long runId, int daysWritten, int daysSkipped, long rowsRead);

  /** Ends the run; {@code error} is null unless it failed. */
  CompletionStage<RunRecord> finish(long runId, RunStatus status, String error);

  CompletionStage<Optional<RunRecord>> find(long runId);

  /** Newest first. */
  CompletionStage<List<RunRecord>> recent(int limit);
}
