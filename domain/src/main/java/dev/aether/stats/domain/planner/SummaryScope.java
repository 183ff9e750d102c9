package dev.aether.stats.domain.planner;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.port.RollupState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the summary may count: the stored days of the current zone before the cutoff. The cutoff is the
 * start of today, or the start of the earliest day of the history window that is not stored yet (a
 * catch-up in progress, a failed batch): combined adds every usage row from the cutoff on, so a missing
 * day is read live instead of silently dropped, and the summary always equals its days' usage rows.
 */
public record SummaryScope(Instant cutoff, List<Instant> dayStarts) {

  public SummaryScope {
    dayStarts = List.copyOf(dayStarts);
  }

  /**
   * @param latestCutoff the latest cutoff allowed: the start of the day on which the run started (a run
   *     that passes midnight must not count the day that just closed before it is materialized)
   */
  public static SummaryScope of(
      RollupState state, BusinessCalendar calendar, HistoryWindow window, Instant latestCutoff) {
    StoredDays stored = new StoredDays(state.storedDayStarts(), calendar);
    Instant cutoff = latestCutoff;
    Optional<LocalDate> first = window.firstDay(state.firstUsageAt().map(calendar::dayOf), calendar.dayOf(latestCutoff));
    if (first.isPresent()) {
      for (LocalDate d = first.get(); calendar.startOf(d).isBefore(latestCutoff); d = d.plusDays(1)) {
        if (!stored.isStored(d)) {
          cutoff = calendar.startOf(d);
          break;
        }
      }
    }
    return new SummaryScope(cutoff, stored.currentStartsBefore(cutoff));
  }
}
