package dev.aether.stats.domain.port;

import java.util.concurrent.CompletionStage;

/** Reads the {@link RollupState} in one round trip. */
public interface LoadRollupState {
  CompletionStage<RollupState> load();
}
