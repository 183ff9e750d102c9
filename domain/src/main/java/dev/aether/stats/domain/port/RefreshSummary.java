package dev.aether.stats.domain.port;

import dev.aether.stats.domain.model.Summary;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** Recomputes the single summary row from the materialized days before {@code cutoff}. */
public interface RefreshSummary {
  CompletionStage<Summary> refresh(Instant cutoff);
}
