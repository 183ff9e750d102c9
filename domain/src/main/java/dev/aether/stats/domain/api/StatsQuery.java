package dev.aether.stats.domain.api;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.model.CombinedStats;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.ModelDailyStats;
import dev.aether.stats.domain.model.Summary;
import dev.aether.stats.domain.model.TodayStats;
import dev.aether.stats.domain.model.UserDailyStats;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Reads of the statistics: all-time, today, the stored summary, and day ranges (stored merged with live). */
public interface StatsQuery {
  /** The stored summary row; empty until the first rollup or backfill wrote it. */
  CompletionStage<Optional<Summary>> summary();

  /** All-time totals: the summary plus every usage row since its cutoff. */
  CompletionStage<CombinedStats> combined();

  /** The current business day so far, live. */
  CompletionStage<TodayStats> today();

  /** One row per day of {@code range}, in order. */
  CompletionStage<List<DailyStats>> daily(DayRange range);

  /** The user's days with rows, in order; empty when there is no such user. */
  CompletionStage<Optional<List<UserDailyStats>>> userDaily(String userId, DayRange range);

  /** Every (day, model) with rows, ordered by day then model. */
  CompletionStage<List<ModelDailyStats>> modelDaily(DayRange range);
}
