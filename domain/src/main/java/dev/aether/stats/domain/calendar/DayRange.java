package dev.aether.stats.domain.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Consecutive business days, both ends included. */
public record DayRange(LocalDate first, LocalDate last) {

  public DayRange {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("range ends (" + last + ") before it starts (" + first + ")");
    }
  }

  public static DayRange of(LocalDate day) {
    return new DayRange(day, day);
  }

  public int size() {
    return (int) ChronoUnit.DAYS.between(first, last) + 1;
  }

  public List<LocalDate> days() {
    List<LocalDate> days = new ArrayList<>(size());
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last);
  }

  /** Splits the range into consecutive batches of at most {@code maxDays} days, in order. */
  public List<DayRange> batches(int maxDays) {
    if (maxDays < 1) {
      throw new IllegalArgumentException("maxDays must be >= 1");
    }
    List<DayRange> batches = new ArrayList<>();
    for (LocalDate start = first; !start.isAfter(last); start = start.plusDays(maxDays)) {
      LocalDate end = start.plusDays(maxDays - 1L);
      batches.add(new DayRange(start, end.isAfter(last) ? last : end));
    }
    return batches;
  }

  @Override
  public String toString() {
    return first + ".." + last;
  }
}
