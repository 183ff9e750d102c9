package dev.aether.stats.domain.port;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.model.Breakdown;
import dev.aether.stats.domain.model.BreakdownRow;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Per-key days of a {@link Breakdown}: as stored by the rollup, or the same figures computed live from
 * the usage rows. Only (day, key) pairs with usage appear; any order.
 */
public interface BreakdownReader {
  CompletionStage<List<BreakdownRow>> stored(Breakdown breakdown, DayBounds days);

  CompletionStage<List<BreakdownRow>> live(Breakdown breakdown, DayBounds days);

  /**
   * The stored rows of {@code only} (days of {@code days}) summed per key and sub-key: one row each, whose
   * day is the latest of them the key has a row on and whose name is the latest one known
   * ({@link BreakdownRow#sumPerKey}). Range reads that need no per-day figures (leaderboards, error
   * classes, efficiency) use this, so that a database sums the days instead of sending them one by one.
   */
  default CompletionStage<List<BreakdownRow>> storedSums(Breakdown breakdown, DayBounds days, Set<LocalDate> only) {
    return stored(breakdown, days).thenApply(rows ->
        BreakdownRow.sumPerKey(rows.stream().filter(r -> only.contains(r.day())).toList()));
  }
}
