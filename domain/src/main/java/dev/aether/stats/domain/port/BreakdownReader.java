package dev.aether.stats.domain.port;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.model.Breakdown;
import dev.aether.stats.domain.model.BreakdownRow;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Per-key days of a {@link Breakdown}: as stored by the rollup, or the same figures computed live from
 * the usage rows. Only (day, key) pairs with usage appear; any order.
 */
public interface BreakdownReader {
  CompletionStage<List<BreakdownRow>> stored(Breakdown breakdown, DayBounds days);

  CompletionStage<List<BreakdownRow>> live(Breakdown breakdown, DayBounds days);
}
