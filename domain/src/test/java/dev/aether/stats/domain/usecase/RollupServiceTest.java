package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.fakes.MutableClock;
import static dev.aether.stats.domain.contract.Await.await;
import static dev.aether.stats.domain.contract.Await.failure;
import static dev.aether.stats.domain.contract.March2026.D17;
import static dev.aether.stats.domain.contract.March2026.D18;
import static dev.aether.stats.domain.contract.March2026.D19;
import static dev.aether.stats.domain.contract.March2026.D20;
import static dev.aether.stats.domain.contract.March2026.NOW;
import static dev.aether.stats.domain.contract.March2026.START_17;
import static dev.aether.stats.domain.contract.March2026.START_18;
import static dev.aether.stats.domain.contract.March2026.START_20;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.contract.March2026;
import dev.aether.stats.domain.contract.Scenario;
import dev.aether.stats.domain.fakes.InMemoryGateway;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.domain.model.Summary;
import dev.aether.stats.domain.planner.HistoryWindow;
import dev.aether.stats.domain.port.MaterializeDays;
import dev.aether.stats.domain.port.RefreshSummary;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.run.DayOutcome;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.run.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Batching, progress, run records and failures, over the in-memory gateway (now: 2026-03-20 12:00 Shanghai). */
class RollupServiceTest {
  private final BusinessCalendar calendar = March2026.calendar();
  private final InMemoryGateway gateway = new InMemoryGateway(Clock.fixed(NOW, ZoneOffset.UTC));
  private final StatsPorts ports = gateway.ports();
  /** The batches asked of MaterializeDays, in order. */
  private final List<DayRange> batches = new ArrayList<>();
  private final List<BatchProgress> progress = new ArrayList<>();
  private final ProgressListener listener = progress::add;

  private static DayRange march(int first, int last) {
    return new DayRange(LocalDate.of(2026, 3, first), LocalDate.of(2026, 3, last));
  }

  /** Records each batch; fails the call with {@code failure} when it is the {@code failAt}-th (1-based). */
  private MaterializeDays recording(int failAt, RuntimeException failure) {
    return days -> {
      batches.add(days.range());
      if (batches.size() == failAt) {
        return CompletableFuture.failedFuture(failure);
      }
      return ports.materializeDays().materialize(days);
    };
  }

  private RollupService service(MaterializeDays materialize, int batchDays) {
    return new RollupService(materialize, ports.refreshSummary(), ports.runLog(), ports.loadRollupState(),
        calendar, batchDays);
  }

  private RollupService service(int batchDays) {
    return service(recording(0, null), batchDays);
  }

  @Test
  void rollupMaterializesInBatchesAndRecordsTheRun() {
    Scenario.load(gateway);

    RollupResult result = await(service(3).rollup(march(13, 19), RunKind.ROLLUP, listener));

    assertEquals(List.of(march(13, 15), march(16, 18), march(19, 19)), batches);
    // Rows per batch: none before 03-17; 03-17 has 1 and 03-18 has 4; 03-19 has 1.
    assertEquals(List.of(march(13, 15), march(16, 18), march(19, 19)),
        progress.stream().map(BatchProgress::batch).toList());
    assertEquals(List.of(3, 3, 1), progress.stream().map(BatchProgress::daysWritten).toList());
    assertEquals(List.of(0L, 5L, 1L), progress.stream().map(BatchProgress::rowsRead).toList());
    assertTrue(progress.stream().allMatch(p -> p.protectedDays().isEmpty() && p.millis() >= 0));
    assertEquals(march(13, 19).days(), result.days().stream().map(DayOutcome::day).toList());
    RunRecord run = result.run();
    assertEquals(List.of(RunKind.ROLLUP, RunStatus.SUCCEEDED), List.of(run.kind(), run.status()));
    assertEquals(march(13, 19), run.range());
    assertEquals("Asia/Shanghai", run.timeZone());
    assertEquals(List.of(7, 0, 6L), List.of(run.daysWritten(), run.daysSkipped(), run.rowsRead()));
    assertEquals(List.of(run), gateway.runs());
    assertEquals(START_20, result.summary().cutoff());
    assertEquals(6, result.summary().allTime().totalRequests(), "03-17..03-19: 1 + 4 + 1");
  }

  @Test
  void withTwoLanesTheBatchesShareTheDaysEvenly() {
    Scenario.load(gateway);
    RollupService twoLanes = new RollupService(recording(0, null), ports.refreshSummary(), ports.runLog(),
        ports.loadRollupState(), calendar, HistoryWindow.all(), 31, 2);
    DayRange february = new DayRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 2));   // 30 days

    await(twoLanes.rollup(february, RunKind.ROLLUP, listener));
    // one batch of 30 days would leave the second lane idle: two of 15 instead
    assertEquals(List.of(new DayRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 15)),
        new DayRange(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 3, 2))), sorted(batches));

    batches.clear();
    await(twoLanes.rollup(march(13, 19), RunKind.ROLLUP, listener));
    assertEquals(List.of(march(13, 16), march(17, 19)), sorted(batches),
        "7 days fit one batch of 31: two lanes make it two batches");

    batches.clear();
    await(twoLanes.rollup(march(19, 19), RunKind.ROLLUP, listener));
    assertEquals(List.of(march(19, 19)), batches, "a single day is not split");
  }

  @Test
  void withTwoLanesALongRangeGetsAnEvenNumberOfEqualBatches() {
    Scenario.load(gateway);
    RollupService twoLanes = new RollupService(recording(0, null), ports.refreshSummary(), ports.runLog(),
        ports.loadRollupState(), calendar, HistoryWindow.all(), 31, 2);
    // 2025-12-19 .. 2026-03-19 is 91 days: ceil(91 / 31) = 3 batches, rounded up to 4 for two lanes, of
    // ceil(91 / 4) = 23 days (the last one 22)
    await(twoLanes.rollup(new DayRange(LocalDate.of(2025, 12, 19), D19), RunKind.ROLLUP, listener));
    assertEquals(List.of(23, 23, 23, 22), sorted(batches).stream().map(b -> b.days().size()).toList());
    assertEquals(LocalDate.of(2025, 12, 19), sorted(batches).get(0).first());
    assertEquals(D19, sorted(batches).get(3).last());
  }

  private static List<DayRange> sorted(List<DayRange> ranges) {
    return ranges.stream().sorted(Comparator.comparing(DayRange::first)).toList();
  }

  @Test
  void protectedDaysAreReportedWithTheirDates() {
    Scenario.load(gateway);
    await(service(31).rollup(march(17, 18), RunKind.ROLLUP, ProgressListener.NONE));
    gateway.deleteUsageBefore(Instant.parse("2026-03-18T00:00:00Z")); // r5 and r1 go: 03-17, 03-18 protected
    progress.clear();

    RollupResult result = await(service(31).rollup(march(17, 19), RunKind.ROLLUP, listener));

    assertEquals(List.of(D17, D18), progress.get(0).protectedDays());
    assertEquals(1, progress.get(0).daysWritten());
    assertEquals(List.of(D17, D18), result.protectedDays());
    assertEquals(1, result.daysWritten());
    assertEquals(List.of(1, 2), List.of(result.run().daysWritten(), result.run().daysSkipped()));
  }

  @Test
  void aFailingBatchFailsTheRunButTheOtherBatchesAreStillDone() {
    Scenario.load(gateway);
    IllegalStateException diskFull = new IllegalStateException("disk full");

    // batches 16-17, 18-19, 20: the second one fails
    Throwable failure = failure(service(recording(2, diskFull), 2).rollup(march(16, 20), RunKind.ROLLUP, listener));

    BatchesFailedException failed = assertInstanceOf(BatchesFailedException.class, failure);
    assertSame(diskFull, failed.getCause());
    assertEquals("1 of 3 batches failed; first: disk full", failed.getMessage());
    assertEquals(List.of(march(16, 17), march(18, 19), march(20, 20)), batches, "every batch was tried");
    RunRecord run = gateway.runs().get(0);
    assertEquals(RunStatus.FAILED, run.status());
    assertEquals("1 of 3 batches failed; first: disk full", run.error());
    assertEquals(3, run.daysWritten(), "the first and the last batch were committed");
    // the summary was refreshed over what is stored: 03-16 and 03-17, then it stops at the missing 03-18
    assertEquals(START_18, await(ports.loadSummary().load()).orElseThrow().cutoff());
  }

  @Test
  void theCauseOfASingleFailingBatchIsKeptAsItIs() {
    Scenario.load(gateway);
    IllegalStateException diskFull = new IllegalStateException("disk full");

    assertSame(diskFull, failure(service(recording(1, diskFull), 5).rollup(march(16, 19), RunKind.ROLLUP, listener)));
    assertEquals("disk full", gateway.runs().get(0).error());
  }

  @Test
  void aPortThatThrowsIsRecordedLikeAFailedStage() {
    IllegalStateException boom = new IllegalStateException();
    RefreshSummary throwing = (cutoff, dayStarts) -> {
      throw boom;
    };
    RollupService s = new RollupService(ports.materializeDays(), throwing, ports.runLog(), ports.loadRollupState(),
        calendar, 5);

    assertSame(boom, failure(s.rollup(march(18, 19), RunKind.ROLLUP, listener)));
    RunRecord run = gateway.runs().get(0);
    assertEquals(RunStatus.FAILED, run.status());
    assertEquals(IllegalStateException.class.getName(), run.error(), "no message: the class names it");
  }

  @Test
  void aFailingListenerFailsTheRun() {
    RuntimeException listenerBug = new RuntimeException("listener bug");

    Throwable failure = failure(service(5).rollup(march(18, 19), RunKind.ROLLUP, b -> {
      throw listenerBug;
    }));

    assertSame(listenerBug, failure);
    assertEquals(RunStatus.FAILED, gateway.runs().get(0).status());
  }

  @Test
  void whenRecordingTheFailureFailsTooTheOriginalCauseWins() {
    IllegalStateException diskFull = new IllegalStateException("disk full");
    RuntimeException logDown = new RuntimeException("run log down");
    RunLog log = new DelegatingRunLog(ports.runLog()) {
      @Override
      public CompletionStage<RunRecord> finish(long runId, RunStatus status, String error) {
        return CompletableFuture.failedFuture(logDown);
      }
    };
    RollupService s = new RollupService(recording(1, diskFull), ports.refreshSummary(), log,
        ports.loadRollupState(), calendar, 5);

    Throwable failure = failure(s.rollup(march(18, 19), RunKind.ROLLUP, listener));

    assertSame(diskFull, failure);
    assertSame(logDown, failure.getSuppressed()[0]);
  }

  @Test
  void anAdapterReportingTheWrongNumberOfDaysFailsTheRun() {
    MaterializeDays shortChanged = days -> ports.materializeDays()
        .materialize(days).thenApply(outcomes -> outcomes.subList(0, 1));

    Throwable failure = failure(service(shortChanged, 5).rollup(march(18, 19), RunKind.ROLLUP, listener));

    assertInstanceOf(IllegalStateException.class, failure);
    assertEquals(RunStatus.FAILED, gateway.runs().get(0).status());
  }

  @Test
  void daysAfterTodayAreRejectedBeforeAnyRunIsRecorded() {
    Throwable failure = failure(service(5).rollup(march(19, 21), RunKind.ROLLUP, listener));

    assertInstanceOf(IllegalArgumentException.class, failure);
    assertTrue(failure.getMessage().contains("2026-03-21 is after today (2026-03-20"), failure.getMessage());
    assertEquals(List.of(), gateway.runs());
    assertEquals(List.of(), batches);
  }

  @Test
  void todayMayBeRolledUp() {
    Scenario.load(gateway);

    RollupResult result = await(service(5).rollup(DayRange.of(D20), RunKind.ROLLUP, listener));

    assertEquals(1, result.days().get(0).rowsRead(), "r7");
    // 03-17 (the first usage day) .. 03-19 are not stored: the summary stops before them (combined reads
    // them live), and today stays out of it
    assertEquals(START_17, result.summary().cutoff());
    assertEquals(0, result.summary().allTime().totalRequests());
  }

  @Test
  void theListenerHearsOfTheRecordedRunFirst() {
    List<String> events = new ArrayList<>();
    ProgressListener l = new ProgressListener() {
      @Override
      public void onBatch(BatchProgress batch) {
        events.add("batch " + batch.batch());
      }

      @Override
      public void onStart(RunRecord run) {
        events.add("start " + run.status());
      }
    };

    await(service(1).rollup(march(18, 19), RunKind.ROLLUP, l));

    assertEquals(List.of("start RUNNING", "batch 2026-03-18..2026-03-18", "batch 2026-03-19..2026-03-19"), events);
  }

  @Test
  void theCutoffIsTodaysStartWhenTheRunBegins() {
    // Midnight passes while the batch runs: the new cutoff would leave 03-20 out of summary and live part.
    MutableClock clock = new MutableClock(NOW);
    BusinessCalendar moving = new BusinessCalendar(March2026.ZONE, clock);
    MaterializeDays slow = days -> {
      clock.advance(Duration.ofDays(1));
      return ports.materializeDays().materialize(days);
    };
    RollupService s = new RollupService(slow, ports.refreshSummary(), ports.runLog(), ports.loadRollupState(),
        moving, 5);

    Summary summary = await(s.rollup(march(18, 19), RunKind.ROLLUP, listener)).summary();

    assertEquals(START_20, summary.cutoff());
  }

  @Test
  void backfillCoversFromTheLaterOfFirstUsageAndTheWindowToYesterday() {
    Scenario.load(gateway); // first row r5 on 03-17

    RollupResult twoDays = await(service(5).backfill(2, listener));
    RollupResult aYear = await(service(5).backfill(365, listener));

    assertEquals(march(18, 19), twoDays.run().range(), "today - 2 = 03-18");
    assertEquals(march(17, 19), aYear.run().range(), "first usage day 03-17");
    assertEquals(RunKind.BACKFILL, aYear.run().kind());
    assertEquals(6, aYear.summary().allTime().totalRequests());
  }

  @Test
  void backfillWithoutUsageStillRefreshesTheSummaryInARunWithoutRange() {
    RollupResult result = await(service(5).backfill(365, listener));

    assertNull(result.run().range());
    assertEquals(RunStatus.SUCCEEDED, result.run().status());
    assertEquals(List.of(), batches);
    assertEquals(List.of(), result.days());
    assertEquals(START_20, await(ports.loadSummary().load()).orElseThrow().cutoff());
  }

  @Test
  void backfillWithUsageOnlyTodayHasNoDayToWrite() {
    Scenario.load(gateway);
    gateway.deleteUsageBefore(START_20); // only r7 (today) is left

    RollupResult result = await(service(5).backfill(30, listener));

    assertNull(result.run().range());
    assertEquals(List.of(), batches);
  }

  @Test
  void backfillDaysMustBeBetweenOneAndTenYears() {
    assertInstanceOf(IllegalArgumentException.class, failure(service(5).backfill(0, listener)));
    assertInstanceOf(IllegalArgumentException.class, failure(service(5).backfill(3651, listener)));
    assertEquals(List.of(), gateway.runs());
    assertEquals(RunStatus.SUCCEEDED, await(service(400).backfill(3650, listener)).run().status());
  }

  /** Passes every call through; tests override the one that misbehaves. */
  private static class DelegatingRunLog implements RunLog {
    private final RunLog delegate;

    DelegatingRunLog(RunLog delegate) {
      this.delegate = delegate;
    }

    @Override
    public CompletionStage<RunRecord> start(RunKind kind, DayRange range, String timeZone) {
      return delegate.start(kind, range, timeZone);
    }

    @Override
    public CompletionStage<Void> progress(long runId, int daysWritten, int daysSkipped, long rowsRead) {
      return delegate.progress(runId, daysWritten, daysSkipped, rowsRead);
    }

    @Override
    public CompletionStage<RunRecord> finish(long runId, RunStatus status, String error) {
      return delegate.finish(runId, status, error);
    }

    @Override
    public CompletionStage<Optional<RunRecord>> find(long runId) {
      return delegate.find(runId);
    }

    @Override
    public CompletionStage<List<RunRecord>> recent(int limit) {
      return delegate.recent(limit);
    }
  }
}
