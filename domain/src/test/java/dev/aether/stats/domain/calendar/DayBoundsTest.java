package dev.aether.stats.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayBoundsTest {
  /** March 7 to 9, 2026 in New York: March 8 has 23 hours (05:00Z, 05:00Z, 04:00Z, 04:00Z). */
  private final DayBounds days = new BusinessCalendar(ZoneId.of("America/New_York"), Clock.systemUTC())
      .bounds(new DayRange(LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 9)));

  private static Instant t(String instant) {
    return Instant.parse(instant);
  }

  @Test
  void aSliceKeepsTheDaysItOverlapsCutAtItsEnds() {
    DayBounds slice = days.slice(t("2026-03-07T20:00:00Z"), t("2026-03-09T10:00:00Z"));
    assertEquals(new DayRange(LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 9)), slice.range());
    assertEquals(List.of(t("2026-03-07T20:00:00Z"), t("2026-03-08T05:00:00Z"), t("2026-03-09T04:00:00Z"),
        t("2026-03-09T10:00:00Z")), slice.bounds());
  }

  @Test
  void aSliceEndingOrStartingOnADayBoundDropsTheDayBeyondIt() {
    assertEquals(List.of(t("2026-03-08T05:00:00Z"), t("2026-03-09T04:00:00Z")),
        days.slice(t("2026-03-08T05:00:00Z"), t("2026-03-09T04:00:00Z")).bounds());
    DayBounds inside = days.slice(t("2026-03-09T04:00:00Z"), t("2026-03-09T06:30:00Z"));
    assertEquals(DayRange.of(LocalDate.of(2026, 3, 9)), inside.range());
    assertEquals(List.of(t("2026-03-09T04:00:00Z"), t("2026-03-09T06:30:00Z")), inside.bounds());
    assertEquals(days, days.slice(days.start(), days.end()));
  }

  @Test
  void aSliceOutsideTheDaysOrEmptyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> days.slice(t("2026-03-07T04:00:00Z"), days.end()));
    assertThrows(IllegalArgumentException.class, () -> days.slice(days.start(), t("2026-03-10T05:00:00Z")));
    assertThrows(IllegalArgumentException.class, () -> days.slice(days.end(), days.end()));
  }
}
