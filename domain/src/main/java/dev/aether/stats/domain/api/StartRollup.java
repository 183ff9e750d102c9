package dev.aether.stats.domain.api;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.usecase.ProgressListener;
import dev.aether.stats.domain.usecase.RollupResult;
import dev.aether.stats.domain.usecase.RollupService;
import java.util.concurrent.CompletionStage;

/**
 * Starting a recorded run: materialize days, then refresh the summary. The listener hears the run's
 * record as soon as it is stored ({@link ProgressListener#onStart}), then each batch. Bad arguments fail
 * the stage with {@link InvalidRequestException} before any run is recorded.
 */
public interface StartRollup {
  /** The longest history a backfill may cover. */
  int MAX_BACKFILL_DAYS = RollupService.MAX_BACKFILL_DAYS;

  /** Materializes {@code range} (ending today at the latest). */
  CompletionStage<RollupResult> rollup(DayRange range, RunKind kind, ProgressListener listener);

  /** Materializes max(first usage day, today - days) .. yesterday. */
  CompletionStage<RollupResult> backfill(int days, ProgressListener listener);
}
