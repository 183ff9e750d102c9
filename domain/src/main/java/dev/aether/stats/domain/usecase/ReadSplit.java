package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.calendar.DayRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a read of a day range splits between stored rows and live computation: closed days that were
 * materialized come from the stats tables; today, later days and closed days not materialized yet are
 * computed live, in as few contiguous runs as possible (one query each).
 */
final class ReadSplit {
  private ReadSplit() {}

  /** The days of {@code range} before {@code today}, if any. */
  static Optional<DayRange> closedPart(DayRange range, LocalDate today) {
    if (!range.first().isBefore(today)) {
      return Optional.empty();
    }
    LocalDate yesterday = today.minusDays(1);
    return Optional.of(new DayRange(range.first(), range.last().isAfter(yesterday) ? yesterday : range.last()));
  }

  /** Whether {@code day} is read from the stats tables. */
  static boolean isStored(LocalDate day, LocalDate today, Set<LocalDate> materialized) {
    return day.isBefore(today) && materialized.contains(day);
  }

  /** The maximal runs of consecutive days of {@code range} that must be computed live, in order. */
  static List<DayRange> liveRuns(DayRange range, LocalDate today, Set<LocalDate> materialized) {
    List<DayRange> runs = new ArrayList<>();
    LocalDate runStart = null;
    for (LocalDate day : range.days()) {
      boolean live = !isStored(day, today, materialized);
      if (live && runStart == null) {
        runStart = day;
      } else if (!live && runStart != null) {
        runs.add(new DayRange(runStart, day.minusDays(1)));
        runStart = null;
      }
    }
    if (runStart != null) {
      runs.add(new DayRange(runStart, range.last()));
    }
    return runs;
  }
}
