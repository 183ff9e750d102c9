package dev.aether.stats.domain.planner;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which closed days should be stored: every day from the first usage day to yesterday, or, when the
 * operator caps the history (STATS_BACKFILL_DAYS, {@code backfill --days N}), only the last N of them.
 */
public final class HistoryWindow {
  private final OptionalInt capDays;

  private HistoryWindow(OptionalInt capDays) {
    this.capDays = capDays;
  }

  /** All of history. */
  public static HistoryWindow all() {
    return new HistoryWindow(OptionalInt.empty());
  }

  /** The last {@code days} days before today at most. */
  public static HistoryWindow last(int days) {
    if (days < 1) {
      throw new IllegalArgumentException("a history cap must be at least 1 day, got " + days);
    }
    return new HistoryWindow(OptionalInt.of(days));
  }

  public OptionalInt capDays() {
    return capDays;
  }

  /** The first day to store, or empty when there is no usage row. */
  public Optional<LocalDate> firstDay(Optional<LocalDate> firstUsageDay, LocalDate today) {
    return firstUsageDay.map(first -> {
      if (capDays.isEmpty()) {
        return first;
      }
      LocalDate capStart = today.minusDays(capDays.getAsInt());
      return first.isAfter(capStart) ? first : capStart;
    });
  }

  @Override
  public String toString() {
    return capDays.isEmpty() ? "all history" : "the last " + capDays.getAsInt() + " day(s)";
  }
}
