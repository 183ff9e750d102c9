package dev.aether.stats.domain.port;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.model.DailyStats;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Whole-gateway days: as stored by the rollup, or computed live from the usage rows. */
public interface DailyStatsReader {
  /** The stored stats_daily rows of those days (days without a row are absent), ordered by day. */
  CompletionStage<List<DailyStats>> stored(DayBounds days);

  /** The same figures computed from usage now, one per day (zeros for an empty day), ordered by day. */
  CompletionStage<List<DailyStats>> live(DayBounds days);
}
