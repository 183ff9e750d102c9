package dev.aether.stats.domain.api;

import dev.aether.stats.domain.run.RunRecord;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Reads of the run log: what ran, how far it got, how it ended. */
public interface RunQueries {
  CompletionStage<Optional<RunRecord>> find(long runId);

  /** The {@code limit} newest runs, newest first. */
  CompletionStage<List<RunRecord>> recent(int limit);
}
