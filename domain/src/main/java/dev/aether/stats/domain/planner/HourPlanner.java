package dev.aether.stats.domain.planner;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.port.ChangedHour;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Decides which hour buckets a tick rewrites: within the watched window (the last {@code watchHours}
 * closed UTC hours), every hour the change detection reported, plus the {@code recentHours} newest closed
 * hours always (late rows land there most, and an update in place is invisible to a count), plus the
 * current hour, up to the tick's instant (a partial bucket: live reads then take only the rows after the
 * tick from usage, however busy the hour; its rows are at most one hour's, so this costs little); then the
 * closed business days containing an hour whose rows changed since its bucket was written (not merely a
 * missing bucket: missing days are the days' reconciliation's business), so that stored days follow their
 * hours without re-materializing whole settle days. Pure: the caller asks the database what changed.
 */
public final class HourPlanner {
  /** Two days of hours: as long as the default settle window of the days. */
  public static final int DEFAULT_WATCH_HOURS = 48;
  public static final int DEFAULT_RECENT_HOURS = 2;

  private final BusinessCalendar calendar;
  private final int watchHours;
  private final int recentHours;

  public HourPlanner(BusinessCalendar calendar, int watchHours, int recentHours) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    if (watchHours < 1 || recentHours < 0 || recentHours > watchHours) {
      throw new IllegalArgumentException("need 1 <= watchHours and 0 <= recentHours <= watchHours, got "
          + watchHours + " and " + recentHours);
    }
    this.watchHours = watchHours;
    this.recentHours = recentHours;
  }

  /** The closed hours the change detection looks at: the last {@code watchHours} before the current hour. */
  public HourRange watched(Instant now) {
    Instant current = HourRange.floor(now);
    return new HourRange(current.minus(Duration.ofHours(watchHours)), current);
  }

  /** The plan for {@code changed} (hours the detection reported inside {@link #watched}). */
  public HourPlan plan(Instant now, Collection<ChangedHour> changed) {
    HourRange watched = watched(now);
    TreeSet<Instant> hours = new TreeSet<>();
    TreeSet<Instant> dayChanging = new TreeSet<>();
    for (ChangedHour c : changed) {
      Instant h = c.hour();
      if (!HourRange.isWholeHour(h) || !watched.contains(h)) {
        throw new IllegalArgumentException("changed hour " + h + " is not a whole hour of " + watched);
      }
      hours.add(h);
      if (c.reason().changesItsDay()) {
        dayChanging.add(h);
      }
    }
    for (int i = 1; i <= recentHours; i++) {
      hours.add(watched.to().minus(Duration.ofHours(i)));
    }
    hours.add(watched.to());
    return new HourPlan(runsOfHours(hours), runsOfDays(closedDaysOf(dayChanging, now)));
  }

  /** The business days an hour overlaps (two where a day starts inside it, as at +05:45), before today. */
  private TreeSet<LocalDate> closedDaysOf(Collection<Instant> hours, Instant now) {
    LocalDate today = calendar.dayOf(now);
    TreeSet<LocalDate> days = new TreeSet<>();
    for (Instant h : hours) {
      for (LocalDate d : List.of(calendar.dayOf(h), calendar.dayOf(h.plus(Duration.ofHours(1)).minusNanos(1)))) {
        if (d.isBefore(today)) {
          days.add(d);
        }
      }
    }
    return days;
  }

  private static List<HourRange> runsOfHours(TreeSet<Instant> hours) {
    List<HourRange> runs = new ArrayList<>();
    Instant start = null;
    Instant end = null;
    for (Instant h : hours) {
      if (start != null && h.equals(end)) {
        end = h.plus(Duration.ofHours(1));
        continue;
      }
      if (start != null) {
        runs.add(new HourRange(start, end));
      }
      start = h;
      end = h.plus(Duration.ofHours(1));
    }
    if (start != null) {
      runs.add(new HourRange(start, end));
    }
    return runs;
  }

  private static List<DayRange> runsOfDays(TreeSet<LocalDate> days) {
    List<DayRange> runs = new ArrayList<>();
    LocalDate first = null;
    LocalDate last = null;
    for (LocalDate d : days) {
      if (first != null && d.equals(last.plusDays(1))) {
        last = d;
        continue;
      }
      if (first != null) {
        runs.add(new DayRange(first, last));
      }
      first = d;
      last = d;
    }
    if (first != null) {
      runs.add(new DayRange(first, last));
    }
    return runs;
  }
}
