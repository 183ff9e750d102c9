package dev.aether.stats.domain.port;

import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.model.ModelHourlyStats;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Per-model UTC hours with rows: as stored, or computed live. Ordered by hour, then model. */
public interface ModelHourlyStatsReader {
  CompletionStage<List<ModelHourlyStats>> stored(HourRange hours);

  CompletionStage<List<ModelHourlyStats>> live(HourRange hours);
}
