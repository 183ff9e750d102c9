package dev.aether.stats.domain.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.port.RollupState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Shanghai (UTC+8), now 2026-03-20 12:00 local: today 03-20, yesterday 03-19, and day D starts at 16:00
 * UTC on D-1 (so "03-20" below means 2026-03-19T16:00:00Z).
 */
class RollupPlannerTest {
  private static final BusinessCalendar CAL =
      new BusinessCalendar(ZoneId.of("Asia/Shanghai"), Clock.fixed(Instant.parse("2026-03-20T04:00:00Z"), ZoneOffset.UTC));
  private static final Instant TODAY_START = Instant.parse("2026-03-19T16:00:00Z");

  /** Start of March day {@code d} of 2026 (or of another month/year via {@link #startOf(LocalDate)}). */
  private static Instant march(int d) {
    return startOf(LocalDate.of(2026, 3, d));
  }

  private static Instant startOf(LocalDate day) {
    return day.minusDays(1).atTime(16, 0).toInstant(ZoneOffset.UTC);
  }

  private static DayRange march(int first, int last) {
    return new DayRange(LocalDate.of(2026, 3, first), LocalDate.of(2026, 3, last));
  }

  private static RollupState state(Instant cutoff, Instant newest, Instant firstUsage) {
    return new RollupState(Optional.ofNullable(cutoff), Optional.ofNullable(newest), Optional.ofNullable(firstUsage));
  }

  private static RollupPlan plan(int backfill, int settle, RollupState s) {
    return new RollupPlanner(backfill, settle).plan(s, CAL);
  }

  @Test
  void nothingStoredAndNoUsageMeansNothingToDo() {
    RollupPlan p = plan(365, 2, state(null, null, null));

    assertTrue(p.isIdle());
  }

  @Test
  void firstRunMaterializesFromTheFirstUsageDayToYesterday() {
    // First row 03-10 09:30 local.
    RollupPlan p = plan(365, 2, state(null, null, Instant.parse("2026-03-10T01:30:00Z")));

    assertEquals(Optional.of(march(10, 19)), p.materialize());
    assertTrue(p.refreshSummary());
  }

  @Test
  void firstRunStartsAtTheFirstUsageDayInTheZoneNotInUtc() {
    // 2026-03-09T17:00Z is 03-10 01:00 in Shanghai (03-09 in UTC).
    RollupPlan p = plan(365, 2, state(null, null, Instant.parse("2026-03-09T17:00:00Z")));

    assertEquals(Optional.of(march(10, 19)), p.materialize());
  }

  @Test
  void firstRunIsClampedToTheBackfillWindow() {
    // today - 30 days = 2026-02-18.
    RollupPlan p = plan(30, 2, state(null, null, Instant.parse("2025-01-01T00:00:00Z")));

    assertEquals(Optional.of(new DayRange(LocalDate.of(2026, 2, 18), LocalDate.of(2026, 3, 19))), p.materialize());
  }

  @Test
  void firstRunWithUsageOnlyTodayCreatesTheSummaryOnly() {
    RollupPlan p = plan(365, 2, state(null, null, Instant.parse("2026-03-20T01:00:00Z")));

    assertEquals(Optional.empty(), p.materialize());
    assertTrue(p.refreshSummary());
  }

  @Test
  void upToDateStateStillSettlesTheLastClosedDays() {
    RollupPlan p = plan(365, 2, state(TODAY_START, march(19), march(1)));

    assertEquals(Optional.of(march(18, 19)), p.materialize());
    assertTrue(p.refreshSummary());
  }

  @Test
  void upToDateStateWithoutSettlingIsIdle() {
    RollupPlan p = plan(365, 0, state(TODAY_START, march(19), march(1)));

    assertTrue(p.isIdle(), p.reason());
  }

  @Test
  void aStaleCutoffAloneRefreshesTheSummary() {
    RollupPlan p = plan(365, 0, state(march(19), march(19), march(1)));

    assertEquals(Optional.empty(), p.materialize());
    assertTrue(p.refreshSummary());
  }

  @Test
  void missingDaysSinceTheNewestAreCaughtUpTogetherWithTheSettleDays() {
    RollupPlan p = plan(365, 2, state(march(11), march(10), march(1)));

    assertEquals(Optional.of(march(11, 19)), p.materialize());
  }

  @Test
  void moreSettleDaysThanMissingDaysReachFurtherBack() {
    RollupPlan p = plan(365, 5, state(march(19), march(18), march(1)));

    assertEquals(Optional.of(march(15, 19)), p.materialize());
  }

  @Test
  void catchingUpIsClampedToTheBackfillWindow() {
    // Down for over a year: newest stored day 2025-01-01; today - 30 = 2026-02-18.
    RollupPlan p = plan(30, 2, state(startOf(LocalDate.of(2025, 1, 2)), startOf(LocalDate.of(2025, 1, 1)),
        startOf(LocalDate.of(2024, 6, 1))));

    assertEquals(Optional.of(new DayRange(LocalDate.of(2026, 2, 18), LocalDate.of(2026, 3, 19))), p.materialize());
  }

  @Test
  void catchingUpIsClampedToTheFirstRetainedUsageDay() {
    // Settle 10 would reach 03-10, but retention left rows from 03-15 on only.
    RollupPlan p = plan(365, 10, state(TODAY_START, march(19), Instant.parse("2026-03-15T02:00:00Z")));

    assertEquals(Optional.of(march(15, 19)), p.materialize());
  }

  @Test
  void aSummaryWithoutStoredDaysMaterializesTheWholeWindowFromTheFirstUsageDay() {
    RollupPlan p = plan(365, 2, state(TODAY_START, null, march(15)));

    assertEquals(Optional.of(march(15, 19)), p.materialize());
  }

  @Test
  void storedDaysWithoutAnyUsageLeftOnlyRefreshAStaleSummary() {
    RollupPlan stale = plan(365, 2, state(march(18), march(17), null));
    RollupPlan current = plan(365, 2, state(TODAY_START, march(17), null));

    assertEquals(Optional.empty(), stale.materialize());
    assertTrue(stale.refreshSummary());
    assertTrue(current.isIdle());
  }

  @Test
  void storedDaysAndNoSummaryCreateTheSummary() {
    RollupPlan p = plan(365, 0, state(null, march(19), march(1)));

    assertEquals(Optional.empty(), p.materialize());
    assertTrue(p.refreshSummary());
  }

  @Test
  void aMaterializedTodayDoesNotHideTheSettleDays() {
    // A manual rollup wrote today: nothing is missing, yet 03-18 and 03-19 are settled.
    RollupPlan p = plan(365, 2, state(TODAY_START, march(20), march(1)));

    assertEquals(Optional.of(march(18, 19)), p.materialize());
  }

  @Test
  void historyRangeIsEmptyWhenItHasNoClosedDay() {
    assertEquals(Optional.of(march(17, 19)),
        RollupPlanner.historyRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), 3));
    assertEquals(Optional.empty(),
        RollupPlanner.historyRange(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 20), 3));
    assertEquals(Optional.empty(), RollupPlanner.historyRange(Optional.empty(), CAL, 3));
  }

  @Test
  void plansAreValidatedAndExplained() {
    assertThrows(IllegalArgumentException.class, () -> new RollupPlanner(0, 2));
    assertThrows(IllegalArgumentException.class, () -> new RollupPlanner(365, -1));
    assertThrows(IllegalArgumentException.class, () -> new RollupPlan(Optional.of(march(1, 2)), false, "x"));
    RollupPlan p = plan(365, 2, state(march(11), march(10), march(1)));
    assertTrue(p.reason().contains("2026-03-11..2026-03-19"), p.reason());
    assertFalse(p.isIdle());
  }
}
