package dev.aether.stats.domain.planner;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.calendar.HourRange;
import java.util.List;

/**
 * What a tick does to the hour buckets: materialize these runs of consecutive hours (in order; the last
 * one ends with the current hour, written up to the tick's instant), then
 * re-materialize these runs of closed business days, the days that contain an hour whose rows changed.
 */
public record HourPlan(List<HourRange> hours, List<DayRange> days) {
  public HourPlan {
    hours = List.copyOf(hours);
    days = List.copyOf(days);
  }
}
