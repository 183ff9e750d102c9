package dev.aether.stats.bootstrap.timer;

import dev.aether.stats.domain.planner.Backoff;
import dev.aether.stats.domain.usecase.RollupTick;
import dev.aether.stats.domain.usecase.TickResult;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the rollup current: a tick at start, then one every STATS_ROLLUP_INTERVAL. The next tick is
 * scheduled only when the previous one has finished, so ticks never overlap in a process (RollupTick
 * also guards against that, and its lease against other processes). A failed tick is logged with its
 * cause and retried with exponential backoff, never sooner than a few seconds and never later than the
 * normal interval; nothing it throws reaches the server. The work itself is asynchronous database
 * calls: nothing blocks an event loop.
 */
public final class RollupTimer {
  private static final Logger LOG = Logger.getLogger(RollupTimer.class.getName());

  private final Vertx vertx;
  private final RollupTick tick;
  private final Duration interval;
  private final Backoff backoff;
  private final AtomicInteger failures = new AtomicInteger();
  private final TickListener listener;
  private volatile boolean stopped;
  private volatile long timerId = -1;
  /** Completes when the tick in progress (if any) has ended. */
  private volatile CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

  /** Told about every tick (metrics); must not throw. */
  public interface TickListener {
    void onTick(TickResult result, Throwable failure, long millis);

    TickListener NONE = (r, f, ms) -> {};
  }

  public RollupTimer(Vertx vertx, RollupTick tick, Duration interval, TickListener listener) {
    this.vertx = vertx;
    this.tick = tick;
    this.interval = interval;
    Duration base = interval.compareTo(Duration.ofSeconds(5)) < 0 ? interval : Duration.ofSeconds(5);
    this.backoff = new Backoff(base, interval);
    this.listener = listener;
  }

  public void start() {
    schedule(Duration.ofMillis(1));
  }

  /**
   * No tick starts after this; the answer completes when the tick in progress, if any, has ended, so the
   * caller can close the pool without failing a run halfway.
   */
  public CompletionStage<Void> stop() {
    stopped = true;
    long id = timerId;
    if (id >= 0) {
      vertx.cancelTimer(id);
    }
    return inFlight;
  }

  /** Consecutive failed ticks so far (0 after a success). */
  public int consecutiveFailures() {
    return failures.get();
  }

  private void schedule(Duration delay) {
    if (stopped) {
      return;
    }
    timerId = vertx.setTimer(Math.max(1, delay.toMillis()), id -> runTick());
  }

  private void runTick() {
    long t0 = System.nanoTime();
    CompletableFuture<Void> done = new CompletableFuture<>();
    inFlight = done;
    try {
      tick.tick().whenComplete((result, error) -> {
        done.complete(null);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (error == null) {
          failures.set(0);
          log(result, ms);
        } else {
          int k = failures.incrementAndGet();
          Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
          LOG.warning(String.format("rollup tick failed (%d in a row) after %d ms: %s; retrying in %s", k, ms,
              cause, backoff.delayAfter(k)));
          LOG.log(Level.FINE, "rollup tick failure", cause);
        }
        notifyListener(result, error, ms);
        schedule(error == null ? interval : backoff.delayAfter(failures.get()));
      });
    } catch (RuntimeException e) {
      // a bug in starting the tick: keep the timer alive
      done.complete(null);
      int k = failures.incrementAndGet();
      LOG.log(Level.WARNING, "rollup tick could not start (" + k + " in a row): " + e, e);
      schedule(backoff.delayAfter(k));
    }
  }

  private void notifyListener(TickResult result, Throwable error, long ms) {
    try {
      listener.onTick(result, error, ms);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "tick listener failed", e);
    }
  }

  private static void log(TickResult r, long ms) {
    switch (r.outcome()) {
      case SKIPPED -> LOG.fine("rollup tick skipped: " + r.reason());
      case IDLE -> LOG.fine("rollup tick: nothing to do (" + ms + " ms)");
      // the run itself is logged by the run log (one line per run, whoever started it)
      default -> LOG.fine(r.run().map(run -> String.format(
              "rollup tick %s: run %d, %d day(s) written, %d skipped, %,d rows read in %d ms (%s)",
              r.outcome().name().toLowerCase(java.util.Locale.ROOT), run.run().id(), run.run().daysWritten(),
              run.run().daysSkipped(), run.run().rowsRead(), ms, r.reason()))
          .orElse("rollup tick " + r.outcome() + " in " + ms + " ms (" + r.reason() + ")"));
    }
  }
}
