package dev.aether.stats.domain.port;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.model.ModelDailyStats;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Per-model days: as stored, or computed live. Ordered by day, then model. */
public interface ModelDailyStatsReader {
  CompletionStage<List<ModelDailyStats>> stored(DayBounds days);

  CompletionStage<List<ModelDailyStats>> live(DayBounds days);
}
