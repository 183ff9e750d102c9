package dev.aether.stats.domain.usecase;

import static dev.aether.stats.domain.contract.Await.await;
import static dev.aether.stats.domain.contract.Await.failure;
import static dev.aether.stats.domain.contract.March2026.NOW;
import static dev.aether.stats.domain.contract.March2026.START_20;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.contract.March2026;
import dev.aether.stats.domain.contract.Scenario;
import dev.aether.stats.domain.fakes.InMemoryGateway;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.domain.planner.HistoryWindow;
import dev.aether.stats.domain.planner.RollupPlanner;
import dev.aether.stats.domain.port.MaterializeDays;
import dev.aether.stats.domain.port.TickLease;
import dev.aether.stats.domain.run.DayOutcome;
import dev.aether.stats.domain.run.RunKind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Ticks over the in-memory gateway, now 2026-03-20 12:00 Shanghai, with the scenario's rows from 03-17. */
class RollupTickTest {
  private final BusinessCalendar calendar = March2026.calendar();
  private final InMemoryGateway gateway = new InMemoryGateway(Clock.fixed(NOW, ZoneOffset.UTC));
  private final StatsPorts ports = gateway.ports();

  private static DayRange march(int first, int last) {
    return new DayRange(LocalDate.of(2026, 3, first), LocalDate.of(2026, 3, last));
  }

  private RollupTick tick(MaterializeDays materialize, TickLease lease, int settleDays) {
    RollupService service = new RollupService(materialize, ports.refreshSummary(), ports.runLog(),
        ports.loadRollupState(), calendar, 7);
    return new RollupTick(lease, ports.loadRollupState(), new RollupPlanner(HistoryWindow.last(365), settleDays, 7, 100), service, calendar);
  }

  private RollupTick tick(int settleDays) {
    return tick(ports.materializeDays(), ports.tickLease(), settleDays);
  }

  @Test
  void theFirstTickMaterializesTheHistoryAndTheNextOneSettles() {
    Scenario.load(gateway);
    RollupTick tick = tick(2);

    TickResult first = await(tick.tick());
    TickResult second = await(tick.tick());

    assertEquals(TickResult.Outcome.MATERIALIZED, first.outcome());
    assertEquals(march(17, 19), first.run().orElseThrow().run().range(), "first usage day .. yesterday");
    assertEquals(RunKind.TICK, first.run().orElseThrow().run().kind());
    assertEquals(START_20, first.run().orElseThrow().summary().cutoff());
    assertEquals(TickResult.Outcome.MATERIALIZED, second.outcome());
    assertEquals(march(18, 19), second.run().orElseThrow().run().range(), "the two settle days");
    assertFalse(gateway.leaseHeld());
  }

  @Test
  void anUpToDateTickWithoutSettlingIsIdleAndRecordsNoRun() {
    Scenario.load(gateway);
    RollupTick tick = tick(0);
    await(tick.tick());

    TickResult idle = await(tick.tick());

    assertEquals(TickResult.Outcome.IDLE, idle.outcome());
    assertTrue(idle.plan().orElseThrow().isIdle());
    assertEquals(1, gateway.runs().size());
  }

  @Test
  void aStaleSummaryAloneIsRefreshedInARunWithoutRange() {
    Scenario.load(gateway);
    await(ports.materializeDays().materialize(calendar.bounds(march(17, 19))));
    await(ports.refreshSummary().refresh(March2026.START_19, March2026.dayStarts())); // yesterday's cutoff

    TickResult result = await(tick(0).tick());

    assertEquals(TickResult.Outcome.REFRESHED, result.outcome());
    assertNull(result.run().orElseThrow().run().range());
    assertEquals(START_20, await(ports.loadSummary().load()).orElseThrow().cutoff());
  }

  @Test
  void aTickIsSkippedWhileAnotherInstanceHoldsTheLease() {
    Scenario.load(gateway);
    TickLease.Held elsewhere = await(ports.tickLease().tryAcquire()).orElseThrow();

    TickResult result = await(tick(2).tick());

    assertTrue(result.skipped());
    assertTrue(result.reason().contains("another instance"), result.reason());
    assertEquals(List.of(), gateway.runs());
    assertTrue(gateway.leaseHeld(), "the other holder keeps it");
    await(elsewhere.release());
  }

  @Test
  void aSecondTickWhileOneRunsInThisProcessIsSkippedAtOnce() {
    Scenario.load(gateway);
    CompletableFuture<Void> gate = new CompletableFuture<>();
    MaterializeDays gated = days -> gate.thenCompose(v -> ports.materializeDays().materialize(days));
    RollupTick tick = tick(gated, ports.tickLease(), 2);

    CompletionStage<TickResult> running = tick.tick();
    TickResult concurrent = await(tick.tick());

    assertTrue(concurrent.skipped());
    assertTrue(concurrent.reason().contains("already running"), concurrent.reason());
    assertFalse(running.toCompletableFuture().isDone());
    gate.complete(null);
    assertEquals(TickResult.Outcome.MATERIALIZED, await(running).outcome());
    assertFalse(await(tick.tick()).skipped(), "the guard is cleared once a tick ends");
  }

  @Test
  void aFailedTickReleasesTheLeaseAndClearsTheGuard() {
    Scenario.load(gateway);
    IllegalStateException down = new IllegalStateException("database down");
    boolean[] fail = {true};
    MaterializeDays flaky = days -> fail[0]
        ? CompletableFuture.<List<DayOutcome>>failedFuture(down)
        : ports.materializeDays().materialize(days);
    RollupTick tick = tick(flaky, ports.tickLease(), 2);

    assertSame(down, failure(tick.tick()));
    assertFalse(gateway.leaseHeld());
    fail[0] = false;
    assertEquals(TickResult.Outcome.MATERIALIZED, await(tick.tick()).outcome());
  }

  @Test
  void aLeaseThatCannotBeReleasedFailsTheTickButNotTheNextOne() {
    Scenario.load(gateway);
    RuntimeException releaseFailed = new RuntimeException("release failed");
    TickLease brokenRelease = () -> CompletableFuture.completedFuture(
        Optional.of(() -> CompletableFuture.failedFuture(releaseFailed)));
    RollupTick tick = tick(ports.materializeDays(), brokenRelease, 2);

    assertSame(releaseFailed, failure(tick.tick()));
    assertSame(releaseFailed, failure(tick.tick()), "not skipped: the guard was cleared");
  }

  @Test
  void ofManyThreadsTickingAtOnceExactlyOneWorks() throws Exception {
    Scenario.load(gateway);
    CompletableFuture<Void> gate = new CompletableFuture<>();
    RollupTick tick = tick(days -> gate.thenCompose(v -> ports.materializeDays().materialize(days)),
        ports.tickLease(), 2);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<CompletionStage<TickResult>>> calls = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        calls.add(pool.submit(() -> {
          start.await();
          return tick.tick();
        }));
      }
      start.countDown();
      List<CompletionStage<TickResult>> ticks = new ArrayList<>();
      for (Future<CompletionStage<TickResult>> call : calls) {
        ticks.add(call.get(10, TimeUnit.SECONDS));
      }
      gate.complete(null);

      List<TickResult> results = ticks.stream().map(t -> await(t)).toList();
      assertEquals(1, results.stream().filter(r -> !r.skipped()).count());
      assertEquals(1, gateway.runs().size());
    } finally {
      pool.shutdownNow();
    }
  }
}
