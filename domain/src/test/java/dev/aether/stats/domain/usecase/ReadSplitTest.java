package dev.aether.stats.domain.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aether.stats.domain.calendar.DayRange;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadSplitTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

  private static LocalDate march(int d) {
    return LocalDate.of(2026, 3, d);
  }

  private static DayRange march(int first, int last) {
    return new DayRange(march(first), march(last));
  }

  @Test
  void closedPartStopsAtYesterday() {
    assertEquals(Optional.of(march(10, 19)), ReadSplit.closedPart(march(10, 25), TODAY));
    assertEquals(Optional.of(march(10, 12)), ReadSplit.closedPart(march(10, 12), TODAY));
    assertEquals(Optional.empty(), ReadSplit.closedPart(march(20, 25), TODAY));
  }

  @Test
  void liveRunsAreTheGapsBetweenStoredDaysPlusTodayAndLater() {
    Set<LocalDate> stored = Set.of(march(11), march(12), march(15), march(20));

    // 03-20 is stored (a manual rollup of today) but today is always live.
    assertEquals(List.of(march(10, 10), march(13, 14), march(16, 22)),
        ReadSplit.liveRuns(march(10, 22), TODAY, stored));
  }

  @Test
  void aFullyStoredRangeNeedsNoLiveRun() {
    assertEquals(List.of(), ReadSplit.liveRuns(march(11, 12), TODAY, Set.of(march(11), march(12))));
    assertEquals(List.of(march(11, 12)), ReadSplit.liveRuns(march(11, 12), TODAY, Set.of()));
  }
}
