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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation, worked out by hand. Shanghai (UTC+8), now 2026-03-20 12:00 local: today 03-20,
 * yesterday 03-19, and day D starts at 16:00 UTC on D-1 (so "03-20" below means 2026-03-19T16:00:00Z).
 */
class RollupPlannerTest {
  private static final BusinessCalendar CAL =
      new BusinessCalendar(ZoneId.of("Asia/Shanghai"), Clock.fixed(Instant.parse("2026-03-20T04:00:00Z"), ZoneOffset.UTC));
  private static final Instant TODAY_START = Instant.parse("2026-03-19T16:00:00Z");
  /** The first usage row: 03-10 09:30 local. */
  private static final Instant FIRST_ROW = Instant.parse("2026-03-10T01:30:00Z");

  private static Instant march(int d) {
    return LocalDate.of(2026, 3, d).minusDays(1).atTime(16, 0).toInstant(ZoneOffset.UTC);
  }

  private static DayRange march(int first, int last) {
    return new DayRange(LocalDate.of(2026, 3, first), LocalDate.of(2026, 3, last));
  }

  /** Stored day starts for March days first..last (both included). */
  private static List<Instant> stored(int first, int last) {
    List<Instant> out = new ArrayList<>();
    for (int d = first; d <= last; d++) {
      out.add(march(d));
    }
    return out;
  }

  private static List<Instant> concat(List<Instant> a, List<Instant> b) {
    List<Instant> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static RollupState state(Instant cutoff, Instant firstUsage, List<Instant> stored) {
    return new RollupState(Optional.ofNullable(cutoff), Optional.ofNullable(firstUsage), stored);
  }

  private static RollupPlan plan(int settle, int maxDays, RollupState s) {
    return new RollupPlanner(HistoryWindow.all(), settle, 31, maxDays).plan(s, CAL);
  }

  @Test
  void nothingStoredAndNoUsageMeansNothingToDo() {
    assertTrue(plan(2, 100, state(null, null, List.of())).isIdle());
  }

  @Test
  void firstRunMaterializesAllHistoryFromTheFirstUsageDayToYesterday() {
    RollupPlan p = plan(2, 100, state(null, FIRST_ROW, List.of()));

    assertEquals(List.of(march(10, 19)), p.batches());
    assertTrue(p.refreshSummary());
    assertFalse(p.hasMore());
  }

  @Test
  void historyOlderThanAYearIsMaterializedToo() {
    Instant twoYearsAgo = LocalDate.of(2024, 3, 1).minusDays(1).atTime(16, 0).toInstant(ZoneOffset.UTC);
    RollupPlan p = new RollupPlanner(HistoryWindow.all(), 2, 400, 10_000).plan(state(null, twoYearsAgo, List.of()), CAL);

    assertEquals(LocalDate.of(2024, 3, 1), p.batches().get(0).first());
    assertEquals(LocalDate.of(2026, 3, 19), p.batches().get(p.batches().size() - 1).last());
    // 2024-03-01 .. 2026-03-19: 366 (2024-03..2025-02, with 2024-02-29 before it) + 365 + 19 - ... counted by hand:
    // 2024-03-01..2025-02-28 = 365 days, 2025-03-01..2026-02-28 = 365, 2026-03-01..03-19 = 19.
    assertEquals(365 + 365 + 19, p.days());
  }

  @Test
  void anExplicitCapLimitsTheWindow() {
    RollupPlan p = new RollupPlanner(HistoryWindow.last(5), 2, 31, 100).plan(state(null, FIRST_ROW, List.of()), CAL);

    assertEquals(List.of(march(15, 19)), p.batches(), "today - 5 = 03-15");
  }

  @Test
  void upToDateDaysOnlySettle() {
    RollupPlan p = plan(2, 100, state(TODAY_START, FIRST_ROW, stored(10, 19)));

    assertEquals(List.of(march(18, 19)), p.batches());
    assertEquals(0, p.deferredDays());
  }

  @Test
  void withoutSettleDaysAnUpToDateDatabaseIsIdle() {
    RollupPlan p = plan(0, 100, state(TODAY_START, FIRST_ROW, stored(10, 19)));

    assertTrue(p.isIdle(), p.reason());
  }

  @Test
  void holesLeftByAFailedLaneAreFoundWhereverTheyAre() {
    // as in the issue: the other lane committed through yesterday, holes at 03-12..13 and 03-15
    List<Instant> s = concat(concat(stored(10, 11), stored(14, 14)), stored(16, 19));

    RollupPlan p = plan(2, 100, state(march(12), FIRST_ROW, s));

    assertEquals(List.of(march(12, 13), march(15, 15), march(18, 19)), p.batches());
    assertTrue(p.reason().contains("3 missing"), p.reason());
  }

  @Test
  void aManualRollupOfOneRecentDayOnAnEmptyDatabaseDoesNotHideTheHistory() {
    // only 03-18 stored (and a summary made by that rollup)
    RollupPlan p = plan(2, 100, state(TODAY_START, FIRST_ROW, stored(18, 18)));

    assertEquals(List.of(march(10, 19)), p.batches());
  }

  @Test
  void aZoneChangeMakesEveryDayWithAnotherZonesRowsDue() {
    // stored under UTC midnights: none is a Shanghai day start (those are at 16:00 UTC)
    List<Instant> utc = new ArrayList<>();
    for (int d = 10; d <= 19; d++) {
      utc.add(LocalDate.of(2026, 3, d).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
    RollupPlan p = plan(2, 100, state(TODAY_START, FIRST_ROW, utc));

    // UTC 03-10 00:00 is Shanghai 03-10 08:00: every Shanghai day 03-10..03-19 holds one and none is stored
    assertEquals(List.of(march(10, 19)), p.batches());

    // once the Shanghai days exist, the days that still hold UTC rows are due (dirty), not missing
    RollupPlan later = plan(0, 100, state(TODAY_START, FIRST_ROW, concat(stored(10, 19), utc.subList(2, 4))));
    assertEquals(List.of(march(12, 13)), later.batches());
    assertTrue(later.reason().contains("2 with another zone's rows"), later.reason());
  }

  @Test
  void aTickDoesTheSettleDaysAndABoundedNumberOfTheOthersOldestFirst() {
    RollupPlan p = plan(2, 3, state(null, FIRST_ROW, List.of()));

    // 10 days due: 03-18, 03-19 (settle), then 3 of the oldest: 03-10, 03-11, 03-12
    assertEquals(List.of(march(10, 12), march(18, 19)), p.batches());
    assertEquals(5, p.deferredDays(), "03-13 .. 03-17");
    assertTrue(p.hasMore());
  }

  @Test
  void theSettleDaysNeverStarveACatchUp() {
    // a budget of one day: the settle days come on top of it
    RollupPlan p = plan(2, 1, state(TODAY_START, FIRST_ROW, stored(18, 19)));

    assertEquals(List.of(march(10, 10), march(18, 19)), p.batches());
    assertEquals(7, p.deferredDays());
  }

  @Test
  void repeatedBoundedTicksConverge() {
    List<Instant> storedDays = new ArrayList<>();
    for (int tick = 0; tick < 10; tick++) {
      RollupPlan p = plan(2, 3, state(TODAY_START, FIRST_ROW, storedDays));
      p.batches().forEach(b -> b.days().forEach(d -> {
        if (!storedDays.contains(CAL.startOf(d))) {
          storedDays.add(CAL.startOf(d));
        }
      }));
      if (!p.hasMore()) {
        break;
      }
    }
    assertEquals(stored(10, 19), storedDays.stream().sorted().toList());
  }

  @Test
  void batchesAreConsecutiveDaysOfAtMostBatchDays() {
    RollupPlan p = new RollupPlanner(HistoryWindow.all(), 0, 4, 100).plan(state(null, FIRST_ROW, List.of()), CAL);

    assertEquals(List.of(march(10, 13), march(14, 17), march(18, 19)), p.batches());
  }

  @Test
  void aStaleSummaryIsRefreshedEvenWithNothingToWrite() {
    RollupPlan p = plan(0, 100, state(march(19), FIRST_ROW, stored(10, 19)));

    assertTrue(p.batches().isEmpty());
    assertTrue(p.refreshSummary());
  }

  @Test
  void noUsageLeftMeansNoDayToWriteButTheSummaryMovesOn() {
    RollupPlan p = plan(2, 100, state(march(18), null, stored(10, 17)));

    assertTrue(p.batches().isEmpty());
    assertTrue(p.refreshSummary());
    assertTrue(plan(2, 100, state(TODAY_START, null, stored(10, 17))).isIdle());
  }

  @Test
  void theFirstUsageTodayCreatesTheSummaryWithoutDays() {
    RollupPlan p = plan(2, 100, state(null, Instant.parse("2026-03-20T01:00:00Z"), List.of()));

    assertTrue(p.batches().isEmpty());
    assertTrue(p.refreshSummary());
  }

  @Test
  void theSummaryStopsAtTheFirstMissingDayAndCountsOnlyThisZonesDays() {
    Instant utcRow = LocalDate.of(2026, 3, 11).atStartOfDay().toInstant(ZoneOffset.UTC);
    List<Instant> s = concat(concat(stored(10, 11), List.of(utcRow)), stored(14, 19));

    SummaryScope scope = SummaryScope.of(state(null, FIRST_ROW, s), CAL, HistoryWindow.all(), TODAY_START);

    assertEquals(march(12), scope.cutoff(), "03-12 is missing: combined reads it (and later) live");
    assertEquals(stored(10, 11), scope.dayStarts(), "the UTC row is not counted");
    SummaryScope complete = SummaryScope.of(state(null, FIRST_ROW, stored(10, 19)), CAL, HistoryWindow.all(), TODAY_START);
    assertEquals(TODAY_START, complete.cutoff());
    assertEquals(stored(10, 19), complete.dayStarts());
  }

  @Test
  void invalidSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RollupPlanner(HistoryWindow.all(), -1, 31, 10));
    assertThrows(IllegalArgumentException.class, () -> new RollupPlanner(HistoryWindow.all(), 2, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> new RollupPlanner(HistoryWindow.all(), 2, 31, 0));
    assertThrows(IllegalArgumentException.class, () -> HistoryWindow.last(0));
    assertThrows(IllegalArgumentException.class,
        () -> new RollupPlan(List.of(march(10, 10)), 0, false, "writes without refreshing"));
    assertThrows(IllegalArgumentException.class,
        () -> new RollupPlan(List.of(march(12, 13), march(10, 12)), 0, true, "overlapping"));
  }

  @Test
  void historyRangeOfABackfill() {
    assertEquals(Optional.of(march(10, 19)), RollupPlanner.historyRange(HistoryWindow.all(), Optional.of(FIRST_ROW), CAL));
    assertEquals(Optional.of(march(17, 19)),
        RollupPlanner.historyRange(HistoryWindow.last(3), Optional.of(FIRST_ROW), CAL));
    assertEquals(Optional.empty(), RollupPlanner.historyRange(HistoryWindow.all(), Optional.empty(), CAL));
    assertEquals(Optional.empty(),
        RollupPlanner.historyRange(HistoryWindow.all(), Optional.of(Instant.parse("2026-03-20T01:00:00Z")), CAL));
  }
}
