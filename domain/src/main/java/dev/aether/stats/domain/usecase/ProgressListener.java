package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.run.RunRecord;

/**
 * Told what a rollup does while it runs (a CLI prints it, the HTTP API answers 202 once the run is
 * recorded). Called on whatever thread completes the ports' stages; an exception thrown here fails the
 * run like any other failure.
 */
@FunctionalInterface
public interface ProgressListener {

  /** Ignores everything. */
  ProgressListener NONE = batch -> {};

  /** After each batch of days has been committed. */
  void onBatch(BatchProgress batch);

  /** Once the run is recorded in the run log, before any day is materialized. */
  default void onStart(RunRecord run) {}

  static ProgressListener none() {
    return NONE;
  }
}
