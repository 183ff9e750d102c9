package dev.aether.stats.adapters.postgres;

import static dev.aether.stats.adapters.postgres.PgTestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.api.RunAlreadyRunningException;
import dev.aether.stats.domain.api.StartRollup;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.usecase.OneRunPerKind;
import dev.aether.stats.domain.usecase.ProgressListener;
import dev.aether.stats.domain.usecase.RollupResult;
import dev.aether.stats.testsupport.FreshDatabase;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one-run-per-kind guard sees another instance's run through stats_rollup_runs: running while that
 * process holds its lease, out of the way once the process is gone (the run then shows interrupted).
 */
class OneRunPerKindAcrossInstancesTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  private static final DayRange JANUARY = new DayRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));

  /** Hands over the kind of each start that got through the guard (they never end: not needed here). */
  private static final class RecordingStarts implements StartRollup {
    final BlockingQueue<RunKind> started = new LinkedBlockingQueue<>();

    @Override
    public CompletionStage<RollupResult> rollup(DayRange range, RunKind kind, ProgressListener listener) {
      started.add(kind);
      return new CompletableFuture<>();
    }

    @Override
    public CompletionStage<RollupResult> backfill(int days, ProgressListener listener) {
      started.add(RunKind.BACKFILL);
      return new CompletableFuture<>();
    }

    /** The next start, waiting for the guard's look at the run log (a database round trip). */
    RunKind next() throws InterruptedException {
      RunKind kind = started.poll(30, TimeUnit.SECONDS);
      assertNotNull(kind, "no start got through within 30 s");
      return kind;
    }
  }

  @Test
  void aBackfillRunningInAnotherInstanceIsInTheWayUntilThatInstanceIsGone() throws Exception {
    try (PgTestApp here = new PgTestApp(DB.url())) {
      RecordingStarts starts = new RecordingStarts();
      OneRunPerKind guard = new OneRunPerKind(starts, here.adapters.runLog());

      PgTestApp other = new PgTestApp(DB.url());
      RunRecord elsewhere = await(other.adapters.runLog().start(RunKind.BACKFILL, JANUARY, "UTC"));
      CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
          () -> await(guard.backfill(30, ProgressListener.NONE)));
      RunAlreadyRunningException conflict = assertInstanceOf(RunAlreadyRunningException.class, refused.getCause());
      assertEquals(elsewhere.id(), conflict.runningRunId());
      assertTrue(starts.started.isEmpty(), "the refused backfill never started");

      // a rollup is another kind: not in the way
      guard.rollup(JANUARY, RunKind.ROLLUP, ProgressListener.NONE);
      assertEquals(RunKind.ROLLUP, starts.next());

      other.close(); // that process is gone: its lease with it
      guard.backfill(30, ProgressListener.NONE);
      assertEquals(RunKind.BACKFILL, starts.next());
    }
  }
}
