package dev.aether.stats.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Consecutive whole UTC hours: hour k covers [from + k hours, from + k + 1 hours), {@code to} excluded.
 * Hour buckets are UTC hours whatever the business zone: every zone's day boundary is a whole UTC hour
 * except in zones like +05:30 or +05:45, where the day starts inside an hour.
 */
public record HourRange(Instant from, Instant to) {
  private static final long HOUR_SECONDS = 3600;

  public HourRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!isWholeHour(from) || !isWholeHour(to)) {
      throw new IllegalArgumentException("hour range bounds must be whole UTC hours: " + from + " .. " + to);
    }
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("hour range ends (" + to + ") before it starts (" + from + ")");
    }
  }

  /** The hours that start in [from rounded down to the hour, to), or empty when there are none. */
  public static java.util.Optional<HourRange> covering(Instant from, Instant to) {
    Instant start = floor(from);
    Instant end = ceil(to);
    return end.isAfter(start) ? java.util.Optional.of(new HourRange(start, end)) : java.util.Optional.empty();
  }

  public static boolean isWholeHour(Instant t) {
    return t.getNano() == 0 && Math.floorMod(t.getEpochSecond(), HOUR_SECONDS) == 0;
  }

  /** The start of the UTC hour holding {@code t}. */
  public static Instant floor(Instant t) {
    return t.truncatedTo(ChronoUnit.HOURS);
  }

  /** The first whole UTC hour at or after {@code t}. */
  public static Instant ceil(Instant t) {
    Instant f = floor(t);
    return f.equals(t) ? f : f.plus(Duration.ofHours(1));
  }

  public int size() {
    return (int) ((to.getEpochSecond() - from.getEpochSecond()) / HOUR_SECONDS);
  }

  public Instant hour(int index) {
    return from.plusSeconds(HOUR_SECONDS * index);
  }

  public List<Instant> hours() {
    List<Instant> out = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      out.add(hour(i));
    }
    return out;
  }

  /** Whether the hour starting at {@code hourStart} is one of this range's hours. */
  public boolean contains(Instant hourStart) {
    return !hourStart.isBefore(from) && hourStart.isBefore(to);
  }
}
