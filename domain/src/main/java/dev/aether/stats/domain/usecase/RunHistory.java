package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.api.RunQueries;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.run.RunRecord;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** The run log's read side, as a use case: callers read runs without holding the port that writes them. */
public final class RunHistory implements RunQueries {
  private final RunLog runLog;

  public RunHistory(RunLog runLog) {
    this.runLog = Objects.requireNonNull(runLog, "runLog");
  }

  @Override
  public CompletionStage<Optional<RunRecord>> find(long runId) {
    return Stages.call(() -> runLog.find(runId));
  }

  @Override
  public CompletionStage<List<RunRecord>> recent(int limit) {
    return Stages.call(() -> runLog.recent(limit));
  }
}
