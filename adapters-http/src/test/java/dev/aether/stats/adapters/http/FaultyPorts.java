package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.fakes.AnalyticsPorts;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.domain.model.Breakdown;
import dev.aether.stats.domain.model.BreakdownRow;
import dev.aether.stats.domain.model.HistogramBucket;
import dev.aether.stats.domain.model.LatencyDimension;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.ModelDailyStats;
import dev.aether.stats.domain.model.UserDailyStats;
import dev.aether.stats.domain.port.BreakdownReader;
import dev.aether.stats.domain.port.DailyStatsReader;
import dev.aether.stats.domain.port.LatencyHistogramReader;
import dev.aether.stats.domain.port.ModelDailyStatsReader;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.port.UserDailyStatsReader;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.run.RunStatus;
import java.net.ConnectException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The in-memory ports behind a switch: working, failing as a refused connection does, never answering
 * (a database that hangs), or failing as a corrupt row does (an IllegalArgumentException from deep inside). Each port can also be broken on its own, to fail a run half-way.
 */
final class FaultyPorts {
  enum Mode { OK, DOWN, HANG, CORRUPT }

  private volatile Mode mode = Mode.OK;
  private volatile boolean materializeFails;
  private volatile boolean runStartFails;
  private volatile CompletableFuture<Void> materializeGate = CompletableFuture.completedFuture(null);

  void mode(Mode mode) {
    this.mode = mode;
  }

  void materializeFails(boolean fails) {
    this.materializeFails = fails;
  }

  void runStartFails(boolean fails) {
    this.runStartFails = fails;
  }

  /** Until the returned gate is completed, every materialization waits (a run stays running). */
  CompletableFuture<Void> holdMaterialization() {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    materializeGate = gate;
    return gate;
  }

  <T> CompletionStage<T> guard(Supplier<CompletionStage<T>> call) {
    return switch (mode) {
      case OK -> call.get();
      case DOWN -> CompletableFuture.failedFuture(new ConnectException("Connection refused: localhost/127.0.0.1:5432"));
      case HANG -> new CompletableFuture<>();
      case CORRUPT -> CompletableFuture.failedFuture(new IllegalArgumentException("errorRequests > totalRequests"));
    };
  }

  /** The analytics ports behind the same switch. */
  AnalyticsPorts wrap(AnalyticsPorts p) {
    return new AnalyticsPorts(
        new BreakdownReader() {
          @Override
          public CompletionStage<List<BreakdownRow>> stored(Breakdown b, DayBounds days) {
            return guard(() -> p.breakdowns().stored(b, days));
          }

          @Override
          public CompletionStage<List<BreakdownRow>> live(Breakdown b, DayBounds days) {
            return guard(() -> p.breakdowns().live(b, days));
          }
        },
        new LatencyHistogramReader() {
          @Override
          public CompletionStage<List<HistogramBucket>> stored(LatencyDimension d, DayBounds days) {
            return guard(() -> p.histograms().stored(d, days));
          }

          @Override
          public CompletionStage<List<HistogramBucket>> live(LatencyDimension d, DayBounds days) {
            return guard(() -> p.histograms().live(d, days));
          }
        },
        (bounds, filter) -> guard(() -> p.periods().figures(bounds, filter)));
  }

  StatsPorts wrap(StatsPorts p) {
    RunLog runs = p.runLog();
    return new StatsPorts(
        days -> guard(() -> materializeFails
            ? CompletableFuture.failedFuture(new IllegalStateException("disk full"))
            : materializeGate.thenCompose(open -> p.materializeDays().materialize(days))),
        (cutoff, dayStarts) -> guard(() -> p.refreshSummary().refresh(cutoff, dayStarts)),
        () -> guard(() -> p.loadSummary().load()),
        (from, to) -> guard(() -> p.loadLiveTotals().between(from, to)),
        () -> guard(() -> p.loadUserCounts().load()),
        new DailyStatsReader() {
          @Override
          public CompletionStage<List<DailyStats>> stored(DayBounds days) {
            return guard(() -> p.dailyStats().stored(days));
          }

          @Override
          public CompletionStage<List<DailyStats>> live(DayBounds days) {
            return guard(() -> p.dailyStats().live(days));
          }
        },
        new UserDailyStatsReader() {
          @Override
          public CompletionStage<Boolean> userExists(String userId) {
            return guard(() -> p.userDailyStats().userExists(userId));
          }

          @Override
          public CompletionStage<List<UserDailyStats>> stored(String userId, DayBounds days) {
            return guard(() -> p.userDailyStats().stored(userId, days));
          }

          @Override
          public CompletionStage<List<UserDailyStats>> live(String userId, DayBounds days) {
            return guard(() -> p.userDailyStats().live(userId, days));
          }
        },
        new ModelDailyStatsReader() {
          @Override
          public CompletionStage<List<ModelDailyStats>> stored(DayBounds days) {
            return guard(() -> p.modelDailyStats().stored(days));
          }

          @Override
          public CompletionStage<List<ModelDailyStats>> live(DayBounds days) {
            return guard(() -> p.modelDailyStats().live(days));
          }
        },
        () -> guard(() -> p.loadRollupState().load()),
        new RunLog() {
          @Override
          public CompletionStage<RunRecord> start(RunKind kind, DayRange range, String timeZone) {
            return guard(() -> runStartFails
                ? CompletableFuture.failedFuture(new ConnectException("Connection refused"))
                : runs.start(kind, range, timeZone));
          }

          @Override
          public CompletionStage<Void> progress(long runId, int daysWritten, int daysSkipped, long rowsRead) {
            return guard(() -> runs.progress(runId, daysWritten, daysSkipped, rowsRead));
          }

          @Override
          public CompletionStage<RunRecord> finish(long runId, RunStatus status, String error) {
            // always recorded, as the real adapter tries hard to record the end of a run
            return runs.finish(runId, status, error);
          }

          @Override
          public CompletionStage<Optional<RunRecord>> find(long runId) {
            return guard(() -> runs.find(runId));
          }

          @Override
          public CompletionStage<List<RunRecord>> recent(int limit) {
            return guard(() -> runs.recent(limit));
          }
        },
        p.tickLease());
  }
}
