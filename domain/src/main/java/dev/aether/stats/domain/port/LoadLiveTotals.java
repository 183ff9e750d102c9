package dev.aether.stats.domain.port;

import dev.aether.stats.domain.model.LiveTotals;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Sums the usage rows with created_at in [from, to) at read time, in one statement. A null {@code from}
 * means "from the first row" (and is reported as null in the result); {@code from >= to} gives zeros.
 * Every field of {@link dev.aether.stats.domain.model.Totals} is filled, response times included.
 */
public interface LoadLiveTotals {
  CompletionStage<LiveTotals> between(Instant from, Instant to);
}
