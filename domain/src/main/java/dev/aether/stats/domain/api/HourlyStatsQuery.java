package dev.aether.stats.domain.api;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.model.HourlyStats;
import dev.aether.stats.domain.model.ModelHourlyStats;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Reads of UTC hours: stored hour buckets merged with live hours, every hour of the range answered. */
public interface HourlyStatsQuery {
  /** The longest range a read may cover. */
  int MAX_DAYS = 31;

  /** Every UTC hour overlapping the business days {@code days} (25 a day where days start at :15 or :30). */
  HourRange hoursOf(DayRange days);

  /** One object per hour of {@code range}, in order (zeros for an hour without rows). */
  CompletionStage<List<HourlyStats>> hourly(HourRange range);

  /** One object per hour and model with rows, ordered by hour then model. */
  CompletionStage<List<ModelHourlyStats>> modelHourly(HourRange range);
}
