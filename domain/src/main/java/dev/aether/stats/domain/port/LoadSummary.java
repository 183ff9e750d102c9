package dev.aether.stats.domain.port;

import dev.aether.stats.domain.model.Summary;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Reads the stored summary row, if there is one. */
public interface LoadSummary {
  CompletionStage<Optional<Summary>> load();
}
