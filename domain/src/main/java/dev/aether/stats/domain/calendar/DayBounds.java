package dev.aether.stats.domain.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of business days with the UTC instants that bound them: {@code bounds.get(i)} is the start of
 * day i and {@code bounds.get(i + 1)} its end, so there is one more bound than days. Adapters take day
 * boundaries from here only, so the calendar has one definition (DST days of 23 or 25 hours included).
 */
public record DayBounds(DayRange range, List<Instant> bounds) {

  public DayBounds {
    bounds = List.copyOf(bounds);
    if (bounds.size() != range.size() + 1) {
      throw new IllegalArgumentException("need " + (range.size() + 1) + " bounds, got " + bounds.size());
    }
    for (int i = 1; i < bounds.size(); i++) {
      if (!bounds.get(i).isAfter(bounds.get(i - 1))) {
        throw new IllegalArgumentException("bounds must increase strictly");
      }
    }
  }

  public Instant start() {
    return bounds.get(0);
  }

  public Instant end() {
    return bounds.get(bounds.size() - 1);
  }

  public LocalDate day(int index) {
    return range.first().plusDays(index);
  }

  public Instant startOf(int index) {
    return bounds.get(index);
  }

  /** The index of the day that starts at {@code dayStart}, or -1. */
  public int indexOfStart(Instant dayStart) {
    int i = bounds.indexOf(dayStart);
    return i < bounds.size() - 1 ? i : -1;
  }

  /**
   * The part of these days in [from, to) (start <= from < to <= end): the days it overlaps, their bounds
   * cut at from and to. A read of the slices of a split range sums to the read of the range.
   */
  public DayBounds slice(Instant from, Instant to) {
    if (from.isBefore(start()) || to.isAfter(end()) || !from.isBefore(to)) {
      throw new IllegalArgumentException("[" + from + ", " + to + ") is not a part of [" + start() + ", " + end() + ")");
    }
    int first = 0;
    while (!bounds.get(first + 1).isAfter(from)) {
      first++;
    }
    int last = first;
    while (bounds.get(last + 1).isBefore(to)) {
      last++;
    }
    List<Instant> cut = new ArrayList<>(bounds.subList(first, last + 2));
    cut.set(0, from);
    cut.set(cut.size() - 1, to);
    return new DayBounds(new DayRange(day(first), day(last)), cut);
  }
}
