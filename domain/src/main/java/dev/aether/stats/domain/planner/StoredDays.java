package dev.aether.stats.domain.planner;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stored stats_daily dates seen through the current business calendar. A date that is the start of a
 * business day of the current zone stores that day; any other date was written under another zone's day
 * boundaries (STATS_TIMEZONE changed). Such a "foreign" row lies inside exactly one current day, which is
 * then "dirty": re-materializing it deletes the foreign rows inside it (never adds them).
 */
public final class StoredDays {
  private final Set<LocalDate> current = new TreeSet<>();
  private final List<Instant> currentStarts = new ArrayList<>();
  private final Set<LocalDate> dirty = new TreeSet<>();
  private int foreignRows;

  public StoredDays(List<Instant> storedDayStarts, BusinessCalendar calendar) {
    for (Instant date : storedDayStarts) {
      LocalDate day = calendar.dayOf(date);
      if (calendar.startOf(day).equals(date)) {
        current.add(day);
        currentStarts.add(date);
      } else {
        dirty.add(day);
        foreignRows++;
      }
    }
  }

  public boolean isStored(LocalDate day) {
    return current.contains(day);
  }

  /** Days holding rows of another zone's days. */
  public boolean isDirty(LocalDate day) {
    return dirty.contains(day);
  }

  public Set<LocalDate> dirtyDays() {
    return java.util.Collections.unmodifiableSet(dirty);
  }

  public int foreignRows() {
    return foreignRows;
  }

  /** The stored day starts of the current zone before {@code cutoff}, ascending. */
  public List<Instant> currentStartsBefore(Instant cutoff) {
    return currentStarts.stream().filter(s -> s.isBefore(cutoff)).toList();
  }
}
