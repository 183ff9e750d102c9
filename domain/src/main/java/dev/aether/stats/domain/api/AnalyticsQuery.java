package dev.aether.stats.domain.api;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.model.Comparison;
import dev.aether.stats.domain.model.EfficiencySummary;
import dev.aether.stats.domain.model.ErrorSummary;
import dev.aether.stats.domain.model.LatencySummary;
import dev.aether.stats.domain.model.LeaderboardEntry;
import dev.aether.stats.domain.model.SeriesPoint;
import dev.aether.stats.domain.model.UsageFilter;
import dev.aether.stats.domain.usecase.AnalyticsQueries;
import dev.aether.stats.domain.usecase.AnalyticsQueries.Against;
import dev.aether.stats.domain.usecase.AnalyticsQueries.EfficiencyGrouping;
import dev.aether.stats.domain.usecase.AnalyticsQueries.ErrorGrouping;
import dev.aether.stats.domain.usecase.AnalyticsQueries.Granularity;
import dev.aether.stats.domain.usecase.AnalyticsQueries.LatencyGrouping;
import dev.aether.stats.domain.usecase.AnalyticsQueries.RankMetric;
import dev.aether.stats.domain.usecase.AnalyticsQueries.Ranked;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The analytics reads (leaderboards, latency percentiles, error classes, efficiency, series, comparisons),
 * each merging stored days with the live tail like the daily reads. Implemented by {@link AnalyticsQueries}.
 */
public interface AnalyticsQuery {
  /** The longest range of an hourly series, or of one whose filters no stored table carries. */
  int MAX_CAPPED_SERIES_DAYS = AnalyticsQueries.MAX_CAPPED_SERIES_DAYS;

  /** Whether a series' range is capped at {@link #MAX_CAPPED_SERIES_DAYS}. */
  static boolean rangeIsCapped(Granularity granularity, UsageFilter filter) {
    return AnalyticsQueries.rangeIsCapped(granularity, filter);
  }

  CompletionStage<List<LeaderboardEntry>> leaderboard(Ranked kind, DayRange range, RankMetric metric, int limit,
      int offset);

  CompletionStage<List<LatencySummary>> latency(LatencyGrouping by, DayRange range);

  CompletionStage<List<ErrorSummary>> errors(ErrorGrouping by, DayRange range);

  CompletionStage<List<EfficiencySummary>> efficiency(EfficiencyGrouping by, DayRange range);

  CompletionStage<List<SeriesPoint>> series(Granularity granularity, DayRange range, UsageFilter filter);

  CompletionStage<Comparison> comparison(DayRange range, Against against);
}
