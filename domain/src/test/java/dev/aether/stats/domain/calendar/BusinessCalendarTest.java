package dev.aether.stats.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Day boundaries worked out by hand from each zone's offsets (UTC instant = local time - offset), not
 * from java.time's own arithmetic.
 */
class BusinessCalendarTest {

  private static BusinessCalendar at(String zone, String now) {
    return new BusinessCalendar(ZoneId.of(zone), Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
  }

  private static Instant utc(String s) {
    return Instant.parse(s);
  }

  private static Duration length(BusinessCalendar c, LocalDate day) {
    return Duration.between(c.startOf(day), c.startOf(day.plusDays(1)));
  }

  @Test
  void utcDaysStartAtMidnightUtc() {
    BusinessCalendar c = at("UTC", "2026-03-20T23:59:59.999Z");

    assertEquals(LocalDate.of(2026, 3, 20), c.today());
    assertEquals(LocalDate.of(2026, 3, 19), c.yesterday());
    assertEquals(utc("2026-03-20T00:00:00Z"), c.startOfToday());
    assertEquals(LocalDate.of(2026, 3, 21), c.dayOf(utc("2026-03-21T00:00:00Z")));
    assertEquals(utc("2026-03-20T23:59:59.999Z"), c.now());
  }

  @Test
  void shanghaiDaysStartAt16UtcTheDayBefore() {
    // UTC+8: local midnight of D is 16:00 UTC on D-1.
    assertEquals(LocalDate.of(2026, 3, 20), at("Asia/Shanghai", "2026-03-19T16:00:00Z").today());
    assertEquals(LocalDate.of(2026, 3, 19), at("Asia/Shanghai", "2026-03-19T15:59:59.999Z").today());
    assertEquals(utc("2026-03-19T16:00:00Z"), at("Asia/Shanghai", "2026-03-20T04:00:00Z").startOfToday());
  }

  @Test
  void newYorkSpringForwardDayHas23Hours() {
    BusinessCalendar c = at("America/New_York", "2026-03-12T12:00:00Z");
    LocalDate d = LocalDate.of(2026, 3, 8);

    assertEquals(utc("2026-03-08T05:00:00Z"), c.startOf(d)); // 00:00 EST (-5)
    assertEquals(utc("2026-03-09T04:00:00Z"), c.startOf(d.plusDays(1))); // 00:00 EDT (-4)
    assertEquals(Duration.ofHours(23), length(c, d));
    assertEquals(d, c.dayOf(utc("2026-03-09T03:59:59Z"))); // 23:59:59 EDT
  }

  @Test
  void newYorkFallBackDayHas25Hours() {
    BusinessCalendar c = at("America/New_York", "2026-11-05T12:00:00Z");
    LocalDate d = LocalDate.of(2026, 11, 1);

    assertEquals(utc("2026-11-01T04:00:00Z"), c.startOf(d)); // 00:00 EDT
    assertEquals(utc("2026-11-02T05:00:00Z"), c.startOf(d.plusDays(1))); // 00:00 EST
    assertEquals(Duration.ofHours(25), length(c, d));
    assertEquals(d, c.dayOf(utc("2026-11-02T04:30:00Z"))); // 23:30 EST, still Nov 1
  }

  @Test
  void kolkataIsFiveAndAHalfHoursAhead() {
    BusinessCalendar c = at("Asia/Kolkata", "2026-01-14T18:29:59Z");

    assertEquals(LocalDate.of(2026, 1, 14), c.today()); // 23:59:59 IST
    assertEquals(utc("2026-01-14T18:30:00Z"), c.startOf(LocalDate.of(2026, 1, 15)));
    assertEquals(utc("2026-01-13T18:30:00Z"), c.startOfToday());
  }

  @Test
  void kathmanduIsFiveHoursFortyFiveAhead() {
    BusinessCalendar c = at("Asia/Kathmandu", "2026-01-14T18:15:00Z");

    assertEquals(LocalDate.of(2026, 1, 15), c.today()); // 00:00 NPT
    assertEquals(utc("2026-01-14T18:15:00Z"), c.startOfToday());
    assertEquals(LocalDate.of(2026, 1, 14), c.dayOf(utc("2026-01-14T18:14:59Z")));
  }

  @Test
  void santiagoDayWhoseMidnightDoesNotExistStartsAtOneOClock() {
    // 2026-09-06: clocks jump from 00:00 (-04) to 01:00 (-03); the day starts at 01:00 -03 = 04:00Z.
    BusinessCalendar c = at("America/Santiago", "2026-09-06T04:00:00Z");
    LocalDate d = LocalDate.of(2026, 9, 6);

    assertEquals(d, c.today());
    assertEquals(utc("2026-09-06T04:00:00Z"), c.startOfToday());
    assertEquals(utc("2026-09-05T04:00:00Z"), c.startOf(d.minusDays(1))); // 00:00 -04
    assertEquals(utc("2026-09-07T03:00:00Z"), c.startOf(d.plusDays(1))); // 00:00 -03
    assertEquals(Duration.ofHours(23), length(c, d));
    assertEquals(d.minusDays(1), c.dayOf(utc("2026-09-06T03:59:59Z"))); // 23:59:59 -04 on the 5th
  }

  @Test
  void beirutDayWhoseMidnightDoesNotExistStartsAtOneOClock() {
    // 2026-03-29: 00:00 (+02) becomes 01:00 (+03); the day starts at 01:00 +03 = 22:00Z the day before.
    BusinessCalendar c = at("Asia/Beirut", "2026-03-29T12:00:00Z");
    LocalDate d = LocalDate.of(2026, 3, 29);

    assertEquals(utc("2026-03-28T22:00:00Z"), c.startOfToday());
    assertEquals(utc("2026-03-27T22:00:00Z"), c.startOf(d.minusDays(1))); // 00:00 +02
    assertEquals(utc("2026-03-29T21:00:00Z"), c.startOf(d.plusDays(1))); // 00:00 +03
    assertEquals(Duration.ofHours(23), length(c, d));
  }

  @Test
  void boundsGiveOneMoreInstantThanDays() {
    BusinessCalendar c = at("America/New_York", "2026-03-12T12:00:00Z");

    DayBounds b = c.bounds(new DayRange(LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 9)));

    assertEquals(List.of(utc("2026-03-07T05:00:00Z"), utc("2026-03-08T05:00:00Z"), utc("2026-03-09T04:00:00Z"),
        utc("2026-03-10T04:00:00Z")), b.bounds());
    assertEquals(utc("2026-03-07T05:00:00Z"), b.start());
    assertEquals(utc("2026-03-10T04:00:00Z"), b.end());
    assertEquals(LocalDate.of(2026, 3, 9), b.day(2));
    assertEquals(2, b.indexOfStart(utc("2026-03-09T04:00:00Z")));
    assertEquals(-1, b.indexOfStart(utc("2026-03-10T04:00:00Z")), "the end is no day's start");
    assertEquals(-1, b.indexOfStart(utc("2026-03-09T05:00:00Z")));
  }
}
