package dev.aether.stats.domain.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Business days in the configured zone: day D covers [start(D), start(D+1)), start(D) being the first
 * instant of D in the zone (local midnight, or the end of a DST gap where midnight does not exist).
 */
public final class BusinessCalendar {
  private final ZoneId zone;
  private final Clock clock;

  public BusinessCalendar(ZoneId zone, Clock clock) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ZoneId zone() {
    return zone;
  }

  public Instant now() {
    return clock.instant();
  }

  public LocalDate today() {
    return dayOf(clock.instant());
  }

  public LocalDate yesterday() {
    return today().minusDays(1);
  }

  public LocalDate dayOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  public Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  /** Start of today: the summary's cutoff (every day before it is closed). */
  public Instant startOfToday() {
    return startOf(today());
  }

  public DayBounds bounds(DayRange range) {
    List<Instant> bounds = new ArrayList<>(range.size() + 1);
    for (LocalDate d = range.first(); !d.isAfter(range.last().plusDays(1)); d = d.plusDays(1)) {
      bounds.add(startOf(d));
    }
    return new DayBounds(range, bounds);
  }
}
