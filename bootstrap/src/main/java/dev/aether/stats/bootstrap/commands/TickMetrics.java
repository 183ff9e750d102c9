package dev.aether.stats.bootstrap.commands;

import dev.aether.stats.bootstrap.timer.RollupTimer;
import dev.aether.stats.bootstrap.wiring.StatsComponent;
import dev.aether.stats.domain.usecase.TickResult;
import java.util.Locale;

/**
 * Feeds every timer tick into /metrics: its outcome and duration, and the age of the newest stored day and
 * hour bucket.
 */
final class TickMetrics implements RollupTimer.TickListener {
  private final StatsComponent app;

  TickMetrics(StatsComponent app) {
    this.app = app;
  }

  @Override
  public void onTick(TickResult result, Throwable failure, long millis) {
    String outcome = failure != null ? "failed" : result.outcome().name().toLowerCase(Locale.ROOT);
    app.apiMetrics().recordRun("tick", outcome, millis);
    if (failure == null) {
      app.loadRollupState().load().thenAccept(state ->
          state.newestMaterializedDayStart().ifPresent(app.apiMetrics()::recordNewestMaterializedDay));
      app.hourlyStatsReader().newestStoredHour().thenAccept(hour ->
          hour.ifPresent(app.apiMetrics()::recordNewestMaterializedHour));
    }
  }
}
