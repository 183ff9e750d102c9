package dev.aether.stats.domain.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.contract.March2026;
import dev.aether.stats.domain.fakes.InMemoryGateway;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.domain.planner.HistoryWindow;
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
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * With parallelism 2, two batches run at once and never more, every day is done once, and outcomes come
 * back in order. The batches are held open by the test and released one at a time, so the interleaving
 * is decided by the test, not by timing.
 */
class RollupServiceParallelismTest {
  private final BusinessCalendar calendar = March2026.calendar();
  private final InMemoryGateway gateway =
      new InMemoryGateway(Clock.fixed(Instant.parse("2026-03-20T04:00:00Z"), ZoneOffset.UTC));
  private final StatsPorts ports = gateway.ports();

  /** A batch the service started and the test has not completed yet. */
  private record Pending(DayRange range, CompletableFuture<List<DayOutcome>> result) {}

  @Test
  void twoLanesOfBatchesRunAtOnceAndCoverEveryDayOnce() {
    List<Pending> pending = new ArrayList<>();
    List<DayRange> asked = new ArrayList<>();
    MaterializeDays held = days -> {
      CompletableFuture<List<DayOutcome>> result = new CompletableFuture<>();
      synchronized (pending) {
        pending.add(new Pending(days.range(), result));
        asked.add(days.range());
      }
      // the real work happens when the test releases the batch
      return result.thenCompose(ignored -> ports.materializeDays().materialize(days));
    };
    RollupService service = new RollupService(held, ports.refreshSummary(), ports.runLog(), ports.loadRollupState(),
        calendar, HistoryWindow.all(), 2, 2);

    CompletionStage<RollupResult> run = service.rollup(
        new DayRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 9)), RunKind.ROLLUP, ProgressListener.NONE);

    int maxInFlight = 0;
    int released = 0;
    while (true) {
      Pending next;
      synchronized (pending) {
        maxInFlight = Math.max(maxInFlight, pending.size());
        if (pending.isEmpty()) {
          break;
        }
        next = pending.remove(0);
      }
      // completing a batch (on this thread) lets its lane start the next one before this returns
      next.result().complete(List.of());
      released++;
    }

    RollupResult r = run.toCompletableFuture().join();
    assertEquals(2, maxInFlight, "two batches at once, never more");
    assertEquals(5, released, "9 days in batches of 2: 5 batches");
    assertEquals(5, asked.size());
    List<LocalDate> days = r.days().stream().map(DayOutcome::day).toList();
    assertEquals(new DayRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 9)).days(), days, "each day once, in order");
    assertEquals(RunStatus.SUCCEEDED, r.run().status());
    assertFalse(asked.stream().anyMatch(a -> asked.stream().filter(a::equals).count() > 1), "no batch asked twice");
  }
}
