package dev.aether.stats.domain.api;

import dev.aether.stats.domain.run.RunKind;
import java.util.Objects;

/** A run of this kind is in progress already; a second one is refused, naming the run to follow instead. */
public class RunAlreadyRunningException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final RunKind kind;
  private final long runningRunId;

  public RunAlreadyRunningException(RunKind kind, long runningRunId) {
    super("a " + Objects.requireNonNull(kind, "kind").wireName() + " is already running (run " + runningRunId + ")");
    this.kind = kind;
    this.runningRunId = runningRunId;
  }

  public RunKind kind() {
    return kind;
  }

  public long runningRunId() {
    return runningRunId;
  }
}
