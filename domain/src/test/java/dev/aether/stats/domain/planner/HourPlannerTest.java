package dev.aether.stats.domain.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.port.ChangedHour;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which hours and days a tick rewrites, worked out by hand. Now: 2026-03-20T04:30Z (Shanghai 12:30). */
class HourPlannerTest {
  static final Instant NOW = Instant.parse("2026-03-20T04:30:00Z");

  private static HourPlanner planner(String zone) {
    return new HourPlanner(new BusinessCalendar(ZoneId.of(zone), Clock.fixed(NOW, ZoneOffset.UTC)), 48, 2);
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  private static ChangedHour rows(String iso) {
    return new ChangedHour(at(iso), ChangedHour.Reason.ROWS);
  }

  @Test
  void theWatchedWindowIsTheLastClosedHours() {
    assertEquals(new HourRange(at("2026-03-18T04:00:00Z"), at("2026-03-20T04:00:00Z")),
        planner("Asia/Shanghai").watched(NOW));
  }

  @Test
  void withNothingChangedOnlyTheNewestHoursAreRedoneAndNoDay() {
    HourPlan plan = planner("Asia/Shanghai").plan(NOW, List.of());

    // the two newest closed hours and the current one (04:00Z, written up to NOW as a partial bucket)
    assertEquals(List.of(new HourRange(at("2026-03-20T02:00:00Z"), at("2026-03-20T05:00:00Z"))), plan.hours());
    assertEquals(List.of(), plan.days());
  }

  @Test
  void changedHoursAreRedoneInRunsAndTheirClosedDaysAfterThem() {
    HourPlan plan = planner("Asia/Shanghai").plan(NOW, List.of(
        rows("2026-03-19T11:00:00Z"), rows("2026-03-18T20:00:00Z"), rows("2026-03-19T10:00:00Z"), // 03-19
        new ChangedHour(at("2026-03-18T05:00:00Z"), ChangedHour.Reason.UNSETTLED),                 // 03-18 13:00
        rows("2026-03-20T01:00:00Z")));                                                          // today: no day

    assertEquals(List.of(
        new HourRange(at("2026-03-18T05:00:00Z"), at("2026-03-18T06:00:00Z")),
        new HourRange(at("2026-03-18T20:00:00Z"), at("2026-03-18T21:00:00Z")),
        new HourRange(at("2026-03-19T10:00:00Z"), at("2026-03-19T12:00:00Z")),
        new HourRange(at("2026-03-20T01:00:00Z"), at("2026-03-20T05:00:00Z"))), plan.hours());
    assertEquals(List.of(new DayRange(LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 19))), plan.days());
  }

  @Test
  void hoursWithoutABucketAreWrittenButChangeNoDay() {
    HourPlan plan = planner("UTC").plan(NOW, List.of(
        new ChangedHour(at("2026-03-18T10:00:00Z"), ChangedHour.Reason.MISSING)));

    assertEquals(List.of(new HourRange(at("2026-03-18T10:00:00Z"), at("2026-03-18T11:00:00Z")),
        new HourRange(at("2026-03-20T02:00:00Z"), at("2026-03-20T05:00:00Z"))), plan.hours());
    assertEquals(List.of(), plan.days());
  }

  @Test
  void anHourAcrossAKathmanduMidnightBelongsToBothDays() {
    // 18:00Z-19:00Z is 23:45 on 03-18 to 00:45 on 03-19 in Kathmandu (+05:45)
    HourPlan plan = planner("Asia/Kathmandu").plan(NOW, List.of(rows("2026-03-18T18:00:00Z")));

    assertEquals(List.of(new DayRange(LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 19))), plan.days());
  }

  @Test
  void aChangedHourOutsideTheWindowIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> planner("UTC").plan(NOW, List.of(rows("2026-03-20T04:00:00Z"))), "the current hour is not closed");
    assertThrows(IllegalArgumentException.class, () -> new HourPlanner(
        new BusinessCalendar(ZoneId.of("UTC"), Clock.systemUTC()), 2, 3));
  }
}
