package dev.aether.stats.domain.usecase;

import static dev.aether.stats.domain.contract.Await.await;
import static dev.aether.stats.domain.contract.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.api.InvalidRequestException;
import dev.aether.stats.domain.api.RunAlreadyRunningException;
import dev.aether.stats.domain.api.StartRollup;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.contract.March2026;
import dev.aether.stats.domain.fakes.InMemoryGateway;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.run.RunStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** At most one run of each kind at a time, in this process exactly and across processes by the run log. */
class OneRunPerKindTest {
  private static final DayRange DAY = new DayRange(LocalDate.of(2026, 3, 17), LocalDate.of(2026, 3, 17));

  private final InMemoryGateway gateway = new InMemoryGateway(Clock.fixed(March2026.NOW, ZoneOffset.UTC));
  private final RunLog runLog = gateway.ports().runLog();
  private final Scripted inner = new Scripted();
  private final OneRunPerKind guard = new OneRunPerKind(inner, runLog);

  /** Runs that start, get recorded and end when the test says so. */
  private final class Scripted implements StartRollup {
    final List<Launch> launches = new ArrayList<>();

    final class Launch {
      final RunKind kind;
      final ProgressListener listener;
      final CompletableFuture<RollupResult> end = new CompletableFuture<>();
      RunRecord run;

      Launch(RunKind kind, ProgressListener listener) {
        this.kind = kind;
        this.listener = listener;
      }

      void record() {
        run = await(runLog.start(kind, DAY, "UTC"));
        listener.onStart(run);
      }

      void succeed() {
        end.complete(new RollupResult(await(runLog.finish(run.id(), RunStatus.SUCCEEDED, null)), List.of(), null));
      }
    }

    @Override
    public CompletionStage<RollupResult> rollup(DayRange range, RunKind kind, ProgressListener listener) {
      return launch(kind, listener);
    }

    @Override
    public CompletionStage<RollupResult> backfill(int days, ProgressListener listener) {
      return launch(RunKind.BACKFILL, listener);
    }

    private CompletionStage<RollupResult> launch(RunKind kind, ProgressListener listener) {
      Launch l = new Launch(kind, listener);
      launches.add(l);
      return l.end;
    }
  }

  @Test
  void aSecondRunOfTheSameKindIsRefusedWithTheRunningRunsId() {
    List<RunRecord> heard = new ArrayList<>();
    CompletionStage<RollupResult> first = guard.backfill(30, new ProgressListener() {
      @Override
      public void onBatch(BatchProgress batch) {}

      @Override
      public void onStart(RunRecord run) {
        heard.add(run);
      }
    });
    inner.launches.get(0).record();
    assertEquals(1, heard.size(), "the caller's listener still hears the start");

    RunAlreadyRunningException refused = assertInstanceOf(RunAlreadyRunningException.class,
        failure(guard.backfill(5, ProgressListener.NONE)));
    assertEquals(1L, refused.runningRunId());
    assertEquals(RunKind.BACKFILL, refused.kind());
    assertEquals("a backfill is already running (run 1)", refused.getMessage());
    assertEquals(1, inner.launches.size(), "the refused run never reached the use case");

    // another kind runs beside it
    guard.rollup(DAY, RunKind.ROLLUP, ProgressListener.NONE);
    assertEquals(2, inner.launches.size());

    inner.launches.get(0).succeed();
    assertEquals(RunStatus.SUCCEEDED, await(first).run().status());
    guard.backfill(5, ProgressListener.NONE);
    assertEquals(3, inner.launches.size(), "once the first ended, the kind is free");
  }

  @Test
  void aStartThatArrivesBeforeTheFirstIsRecordedWaitsForItsId() {
    guard.rollup(DAY, RunKind.ROLLUP, ProgressListener.NONE);
    CompletionStage<RollupResult> second = guard.rollup(DAY, RunKind.ROLLUP, ProgressListener.NONE);
    assertFalse(second.toCompletableFuture().isDone(), "no id to name yet");
    inner.launches.get(0).record();
    RunAlreadyRunningException refused = assertInstanceOf(RunAlreadyRunningException.class, failure(second));
    assertEquals(inner.launches.get(0).run.id(), refused.runningRunId());
  }

  @Test
  void aStartRefusedBeforeItWasRecordedFreesTheKindForTheWaitingOne() {
    guard.backfill(5, ProgressListener.NONE);
    CompletionStage<RollupResult> waiting = guard.backfill(5, ProgressListener.NONE);
    inner.launches.get(0).end.completeExceptionally(new InvalidRequestException("bad"));
    assertEquals(2, inner.launches.size(), "the waiting start went ahead");
    inner.launches.get(1).record();
    inner.launches.get(1).succeed();
    assertEquals(RunStatus.SUCCEEDED, await(waiting).run().status());
  }

  @Test
  void aRunShownRunningInTheLogByAnotherProcessIsInTheWay() {
    // recorded by another instance (its lease held: the log shows it running)
    RunRecord elsewhere = await(runLog.start(RunKind.BACKFILL, DAY, "UTC"));
    RunAlreadyRunningException refused = assertInstanceOf(RunAlreadyRunningException.class,
        failure(guard.backfill(5, ProgressListener.NONE)));
    assertEquals(elsewhere.id(), refused.runningRunId());
    assertTrue(inner.launches.isEmpty());
    // a tick or a rollup elsewhere is not a backfill
    guard.rollup(DAY, RunKind.ROLLUP, ProgressListener.NONE);
    assertEquals(1, inner.launches.size());

    await(runLog.finish(elsewhere.id(), RunStatus.INTERRUPTED, "killed"));
    guard.backfill(5, ProgressListener.NONE);
    assertEquals(2, inner.launches.size());
  }

  @Test
  void theRollupServiceRefusesBadArgumentsAsInvalidRequests() {
    RollupService service = gateway.ports().rollupService(March2026.calendar(), 5);
    DayRange future = new DayRange(LocalDate.of(2026, 3, 19), LocalDate.of(2026, 3, 30));
    Throwable late = failure(new OneRunPerKind(service, runLog).rollup(future, RunKind.ROLLUP, ProgressListener.NONE));
    assertInstanceOf(InvalidRequestException.class, late);
    assertTrue(late.getMessage().contains("2026-03-30 is after today"), late.getMessage());
    assertInstanceOf(InvalidRequestException.class, failure(service.backfill(0, ProgressListener.NONE)));
    assertInstanceOf(InvalidRequestException.class, failure(service.backfill(3651, ProgressListener.NONE)));
    assertEquals(List.of(), gateway.runs(), "nothing was recorded");
  }

  @Test
  void theGuardPassesResultsThrough() {
    CompletionStage<RollupResult> run = guard.rollup(DAY, RunKind.ROLLUP, ProgressListener.NONE);
    inner.launches.get(0).record();
    inner.launches.get(0).succeed();
    assertSame(inner.launches.get(0).end.join(), await(run));
  }
}
