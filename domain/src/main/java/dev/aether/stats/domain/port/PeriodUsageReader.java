package dev.aether.stats.domain.port;

import dev.aether.stats.domain.model.BreakdownFigures;
import dev.aether.stats.domain.model.UsageFilter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Figures of the usage rows that match {@code filter}, computed live, per period: period i covers
 * created_at in [bounds[i], bounds[i+1]). One result per period, in order (zeros for an empty one).
 * Used for filtered hourly series (the hour buckets are per hour, model and provider only), hours of
 * +05:30 / +05:45 zones, and filter combinations no breakdown table carries.
 */
public interface PeriodUsageReader {
  CompletionStage<List<BreakdownFigures>> figures(List<Instant> bounds, UsageFilter filter);
}
