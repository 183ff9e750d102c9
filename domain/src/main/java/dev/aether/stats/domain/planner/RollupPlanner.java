package dev.aether.stats.domain.planner;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.port.RollupState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Decides what a tick does, from the database's state and today's date alone (no I/O, so every branch is
 * unit-tested).
 *
 * <ul>
 *   <li>First run (no summary, no materialized day): the history window max(first usage day, today -
 *       backfillDays) .. yesterday.
 *   <li>Later: one contiguous range ending yesterday that covers every closed day missing since the newest
 *       materialized day and the last settleDays closed days (usage rows still change after insert:
 *       pending requests complete, late rows arrive), its start clamped to the history window and the first
 *       usage day.
 *   <li>The summary is refreshed when days were (re)materialized or its cutoff is not today's start.
 * </ul>
 */
public final class RollupPlanner {
  private final int backfillDays;
  private final int settleDays;

  public RollupPlanner(int backfillDays, int settleDays) {
    if (backfillDays < 1) {
      throw new IllegalArgumentException("backfillDays must be >= 1, got " + backfillDays);
    }
    if (settleDays < 0) {
      throw new IllegalArgumentException("settleDays must be >= 0, got " + settleDays);
    }
    this.backfillDays = backfillDays;
    this.settleDays = settleDays;
  }

  public RollupPlan plan(RollupState state, BusinessCalendar calendar) {
    LocalDate today = calendar.today();
    Optional<LocalDate> firstUsageDay = state.firstUsageAt().map(calendar::dayOf);
    Optional<LocalDate> newest = state.newestMaterializedDayStart().map(calendar::dayOf);
    boolean summaryCurrent =
        state.summaryCutoff().map(c -> c.equals(calendar.startOf(today))).orElse(false);

    if (state.summaryCutoff().isEmpty() && newest.isEmpty()) {
      if (firstUsageDay.isEmpty()) {
        return new RollupPlan(Optional.empty(), false, "no usage rows and nothing stored yet");
      }
      Optional<DayRange> range = historyRange(firstUsageDay.get(), today, backfillDays);
      return new RollupPlan(range, true,
          "first run: " + range.map(r -> "materialize " + r).orElse("no closed day yet") + ", create the summary");
    }

    Optional<DayRange> range = catchUpRange(today, newest, firstUsageDay);
    boolean refresh = range.isPresent() || !summaryCurrent;
    String reason = range.map(r -> "materialize " + r + " (missing since "
            + newest.map(LocalDate::toString).orElse("nothing stored") + ", settling " + settleDays + " day(s))")
        .orElse(firstUsageDay.isEmpty() ? "no usage rows retained, nothing to materialize" : "days up to date");
    if (refresh) {
      reason += summaryCurrent ? ", refresh the summary" : ", summary cutoff not today's start: refresh it";
    }
    return new RollupPlan(range, refresh, reason);
  }

  private Optional<DayRange> catchUpRange(
      LocalDate today, Optional<LocalDate> newest, Optional<LocalDate> firstUsageDay) {
    if (firstUsageDay.isEmpty()) {
      // Retention removed every row: recomputing would only find protected days or write empty ones.
      return Optional.empty();
    }
    LocalDate yesterday = today.minusDays(1);
    LocalDate settleStart = yesterday.minusDays(settleDays - 1L);
    // With a summary but no stored day, every day of the history window is missing.
    LocalDate missingStart = newest.map(d -> d.plusDays(1)).orElse(today.minusDays(backfillDays));
    LocalDate start = min(settleStart, missingStart);
    start = max(start, today.minusDays(backfillDays));
    start = max(start, firstUsageDay.get());
    return start.isAfter(yesterday) ? Optional.empty() : Optional.of(new DayRange(start, yesterday));
  }

  /**
   * The history a backfill of {@code days} covers: max(first usage day, today - days) .. yesterday, or
   * empty when that has no day (first usage today).
   */
  public static Optional<DayRange> historyRange(LocalDate firstUsageDay, LocalDate today, int days) {
    LocalDate start = max(firstUsageDay, today.minusDays(days));
    LocalDate yesterday = today.minusDays(1);
    return start.isAfter(yesterday) ? Optional.empty() : Optional.of(new DayRange(start, yesterday));
  }

  /** {@link #historyRange(LocalDate, LocalDate, int)} from the first usage instant, if there is one. */
  public static Optional<DayRange> historyRange(
      Optional<Instant> firstUsageAt, BusinessCalendar calendar, int days) {
    return firstUsageAt.flatMap(first -> historyRange(calendar.dayOf(first), calendar.today(), days));
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
