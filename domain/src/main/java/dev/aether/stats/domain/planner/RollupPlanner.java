package dev.aether.stats.domain.planner;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.port.RollupState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides what a tick does by reconciling what should be stored with what is (no I/O, so every branch is
 * unit-tested). There is no cursor: whatever failed before (a batch, a killed backfill, a zone change, a
 * manual rollup of one day), the next ticks find the difference and close it.
 *
 * <p>Every closed day of the {@link HistoryWindow} (first usage day, or the cap, .. yesterday) is due when
 * <ul>
 *   <li>it is missing: no stats_daily row at its start in the current zone;
 *   <li>it is dirty: rows written under another zone's day boundaries lie inside it;
 *   <li>it is one of the last settleDays closed days (usage rows still change after insert: pending
 *       requests complete, late rows arrive).
 * </ul>
 * A tick does the settle days and at most {@code maxDaysPerTick} of the others, the oldest first; the rest
 * is reported as deferred and the timer ticks again soon. Days the retention
 * rule protects are stored, so they are never due; rows of another zone's days before the window are kept
 * and not counted (see {@link SummaryScope}).
 */
public final class RollupPlanner {
  private final HistoryWindow window;
  private final int settleDays;
  private final int batchDays;
  private final int maxDaysPerTick;

  public RollupPlanner(HistoryWindow window, int settleDays, int batchDays, int maxDaysPerTick) {
    this.window = java.util.Objects.requireNonNull(window, "window");
    if (settleDays < 0) {
      throw new IllegalArgumentException("settleDays must be >= 0, got " + settleDays);
    }
    if (batchDays < 1) {
      throw new IllegalArgumentException("batchDays must be >= 1, got " + batchDays);
    }
    if (maxDaysPerTick < 1) {
      throw new IllegalArgumentException("maxDaysPerTick must be >= 1, got " + maxDaysPerTick);
    }
    this.settleDays = settleDays;
    this.batchDays = batchDays;
    this.maxDaysPerTick = maxDaysPerTick;
  }

  public HistoryWindow window() {
    return window;
  }

  public RollupPlan plan(RollupState state, BusinessCalendar calendar) {
    return plan(state, calendar, true);
  }

  /**
   * {@code settle} false: the settle days are due only when missing or dirty (the tick's hour buckets
   * watch them for changes, and whole settle days are redone on a slower cadence).
   */
  public RollupPlan plan(RollupState state, BusinessCalendar calendar, boolean settleNow) {
    LocalDate today = calendar.today();
    LocalDate yesterday = today.minusDays(1);
    StoredDays stored = new StoredDays(state.storedDayStarts(), calendar);
    Optional<LocalDate> first = window.firstDay(state.firstUsageAt().map(calendar::dayOf), today);

    if (first.isEmpty()) {
      // No usage row (none yet, or retention removed them all): recomputing would only find protected days.
      boolean refresh = state.summaryCutoff().isPresent()
          && !state.summaryCutoff().get().equals(calendar.startOfToday());
      return new RollupPlan(List.of(), 0, refresh,
          "no usage rows" + (refresh ? ", summary cutoff not today's start: refresh it" : ", nothing to materialize"));
    }

    TreeSet<LocalDate> settle = new TreeSet<>();
    TreeSet<LocalDate> missing = new TreeSet<>();
    TreeSet<LocalDate> dirty = new TreeSet<>();
    LocalDate settleStart = settleNow ? yesterday.minusDays(settleDays - 1L) : yesterday.plusDays(1);
    for (LocalDate d = first.get(); !d.isAfter(yesterday); d = d.plusDays(1)) {
      if (!d.isBefore(settleStart)) {
        settle.add(d);
      } else if (!stored.isStored(d)) {
        missing.add(d);
      } else if (stored.isDirty(d)) {
        dirty.add(d);
      }
    }
    // the settle days (missing or dirty ones included) are done at every tick; the rest, oldest first, up
    // to maxDaysPerTick on top of them, so that a long catch-up is never starved by the settle days
    List<LocalDate> rest = new ArrayList<>(new TreeSet<>(missing));
    rest.addAll(dirty);
    rest.sort(null);
    TreeSet<LocalDate> chosen = new TreeSet<>(settle);
    chosen.addAll(rest.subList(0, Math.min(rest.size(), maxDaysPerTick)));
    int deferred = rest.size() - Math.min(rest.size(), maxDaysPerTick);

    SummaryScope scope = SummaryScope.of(state, calendar, window, calendar.startOfToday());
    boolean summaryCurrent = state.summaryCutoff().map(scope.cutoff()::equals).orElse(false);
    boolean refresh = !chosen.isEmpty() || !summaryCurrent;
    List<DayRange> batches = batches(chosen);

    StringBuilder reason = new StringBuilder();
    if (chosen.isEmpty()) {
      reason.append("days up to date (").append(window).append(" from ").append(first.get()).append(")");
    } else {
      reason.append("materialize ").append(chosen.size()).append(" day(s) in ").append(batches.size())
          .append(" batch(es): ").append(settle.size()).append(" settling, ").append(missing.size())
          .append(" missing, ").append(dirty.size()).append(" with another zone's rows");
      if (deferred > 0) {
        reason.append("; ").append(deferred).append(" day(s) left for the next ticks");
      }
    }
    int foreignOutside = (int) stored.dirtyDays().stream()
        .filter(d -> d.isBefore(first.get()) || !d.isBefore(today)).count();
    if (foreignOutside > 0) {
      reason.append("; ").append(foreignOutside).append(" day(s) outside the window hold rows of another zone (kept, not counted)");
    }
    if (refresh) {
      reason.append(summaryCurrent ? ", refresh the summary" : ", summary not current: refresh it");
    }
    return new RollupPlan(batches, deferred, refresh, reason.toString());
  }

  /** Consecutive days grouped into batches of at most batchDays, ascending. */
  List<DayRange> batches(TreeSet<LocalDate> days) {
    List<DayRange> out = new ArrayList<>();
    LocalDate runStart = null;
    LocalDate prev = null;
    for (LocalDate d : days) {
      if (runStart != null && !d.equals(prev.plusDays(1))) {
        out.addAll(new DayRange(runStart, prev).batches(batchDays));
        runStart = null;
      }
      if (runStart == null) {
        runStart = d;
      }
      prev = d;
    }
    if (runStart != null) {
      out.addAll(new DayRange(runStart, prev).batches(batchDays));
    }
    return out;
  }

  /**
   * The history a backfill covers: the window's first day .. yesterday, or empty when that has no day
   * (no usage row, or the first usage today).
   */
  public static Optional<DayRange> historyRange(
      HistoryWindow window, Optional<java.time.Instant> firstUsageAt, BusinessCalendar calendar) {
    LocalDate today = calendar.today();
    return window.firstDay(firstUsageAt.map(calendar::dayOf), today)
        .filter(start -> start.isBefore(today))
        .map(start -> new DayRange(start, today.minusDays(1)));
  }
}
