package dev.aether.stats.domain.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.contract.March2026;
import dev.aether.stats.domain.fakes.InMemoryGateway;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.domain.port.MaterializeDays;
import dev.aether.stats.domain.run.DayOutcome;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** With parallelism 2, two batches run at once, every day is done once, and outcomes come back in order. */
class RollupServiceParallelismTest {
  private final BusinessCalendar calendar = March2026.calendar();
  private final InMemoryGateway gateway =
      new InMemoryGateway(Clock.fixed(Instant.parse("2026-03-20T04:00:00Z"), ZoneOffset.UTC));
  private final StatsPorts ports = gateway.ports();

  @Test
  void twoLanesOfBatchesRunAtOnceAndCoverEveryDayOnce() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    List<DayRange> asked = java.util.Collections.synchronizedList(new ArrayList<>());
    // each batch takes a little while, on another thread, as a database call would
    MaterializeDays slow = days -> CompletableFuture.supplyAsync(() -> {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      asked.add(days.range());
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      return ports.materializeDays().materialize(days).toCompletableFuture().join();
    });
    RollupService service = new RollupService(slow, ports.refreshSummary(), ports.runLog(), ports.loadRollupState(),
        calendar, 2, 2);

    RollupResult r = service.rollup(new DayRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 9)), RunKind.ROLLUP,
        ProgressListener.NONE).toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertEquals(2, maxInFlight.get(), "two batches at once, never more");
    assertEquals(5, asked.size(), "9 days in batches of 2: 5 batches");
    List<LocalDate> days = r.days().stream().map(DayOutcome::day).toList();
    assertEquals(new DayRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 9)).days(), days, "each day once, in order");
    assertEquals(RunStatus.SUCCEEDED, r.run().status());
    assertEquals(9, r.run().daysWritten());
    assertTrue(r.summary() != null);
  }
}
