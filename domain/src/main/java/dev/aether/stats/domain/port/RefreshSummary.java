package dev.aether.stats.domain.port;

import dev.aether.stats.domain.model.Summary;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Recomputes the single summary row: cutoff = {@code cutoff}, totals = the stored stats_daily rows whose
 * date is one of {@code dayStarts} and before {@code cutoff}. The caller lists the day starts of the current
 * business zone, so rows another zone's days left behind are never added to the new zone's.
 */
public interface RefreshSummary {
  CompletionStage<Summary> refresh(Instant cutoff, List<Instant> dayStarts);
}
