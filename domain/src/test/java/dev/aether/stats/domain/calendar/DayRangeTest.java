package dev.aether.stats.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayRangeTest {
  private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);

  private static DayRange days(int firstOfMarch, int lastOfMarch) {
    return new DayRange(LocalDate.of(2026, 3, firstOfMarch), LocalDate.of(2026, 3, lastOfMarch));
  }

  @Test
  void batchesSplitInOrderWithAShorterLastBatch() {
    assertEquals(List.of(days(1, 2), days(3, 4), days(5, 5)), days(1, 5).batches(2));
  }

  @Test
  void batchesOfExactMultiplesAndOfOneDay() {
    assertEquals(List.of(days(1, 3), days(4, 6)), days(1, 6).batches(3));
    assertEquals(List.of(days(1, 1), days(2, 2), days(3, 3)), days(1, 3).batches(1));
    assertEquals(List.of(days(1, 3)), days(1, 3).batches(31));
  }

  @Test
  void batchesCrossMonthAndYearEnds() {
    DayRange r = new DayRange(LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 2));

    assertEquals(List.of(new DayRange(LocalDate.of(2025, 12, 30), LocalDate.of(2025, 12, 31)),
        new DayRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2))), r.batches(2));
  }

  @Test
  void batchesOfAYearCoverEveryDayOnce() {
    DayRange year = new DayRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

    List<DayRange> batches = year.batches(31);

    assertEquals(12, batches.size()); // 365 = 11 * 31 + 24
    assertEquals(24, batches.get(11).size());
    assertEquals(365, batches.stream().mapToInt(DayRange::size).sum());
  }

  @Test
  void batchesNeedAPositiveSize() {
    assertThrows(IllegalArgumentException.class, () -> days(1, 3).batches(0));
  }

  @Test
  void sizeDaysAndContains() {
    DayRange r = new DayRange(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 3, 1)); // leap year

    assertEquals(3, r.size());
    assertEquals(List.of(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1)), r.days());
    assertTrue(r.contains(LocalDate.of(2024, 2, 29)));
    assertFalse(r.contains(LocalDate.of(2024, 3, 2)));
    assertEquals(1, DayRange.of(MAR_1).size());
    assertEquals("2024-02-28..2024-03-01", r.toString());
  }

  @Test
  void aRangeCannotEndBeforeItStarts() {
    assertThrows(IllegalArgumentException.class, () -> days(2, 1));
  }

  @Test
  void dayBoundsMustMatchTheRangeAndIncrease() {
    Instant a = Instant.parse("2026-03-01T00:00:00Z");
    Instant b = Instant.parse("2026-03-02T00:00:00Z");

    assertThrows(IllegalArgumentException.class, () -> new DayBounds(days(1, 2), List.of(a, b)));
    assertThrows(IllegalArgumentException.class, () -> new DayBounds(days(1, 1), List.of(b, a)));
    assertEquals(b, new DayBounds(days(1, 1), List.of(a, b)).end());
  }
}
