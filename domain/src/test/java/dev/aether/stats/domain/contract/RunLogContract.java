package dev.aether.stats.domain.contract;

import static dev.aether.stats.domain.contract.March2026.D17;
import static dev.aether.stats.domain.contract.March2026.D19;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.run.RunStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RunLog: a run's life from start to finish, and the listing of recent runs. */
interface RunLogContract extends ContractCase {

  @Test
  default void aStartedRunIsRunningWithNothingDoneYet() {
    RunRecord run = await(ports().runLog().start(RunKind.ROLLUP, new DayRange(D17, D19), "Asia/Shanghai"));

    assertEquals(RunKind.ROLLUP, run.kind());
    assertEquals(new DayRange(D17, D19), run.range());
    assertEquals("Asia/Shanghai", run.timeZone());
    assertEquals(RunStatus.RUNNING, run.status());
    assertEquals(List.of(0, 0, 0L), List.of(run.daysWritten(), run.daysSkipped(), run.rowsRead()));
    assertNotNull(run.startedAt());
    assertNull(run.finishedAt());
    assertNull(run.error());
    assertFalse(run.owner() == null || run.owner().isBlank(), "owner");
    assertEquals(Optional.of(run), await(ports().runLog().find(run.id())));
  }

  @Test
  default void progressAddsUpAndFinishEndsTheRun() {
    RunRecord run = await(ports().runLog().start(RunKind.BACKFILL, new DayRange(D17, D19), "UTC"));

    await(ports().runLog().progress(run.id(), 2, 1, 10));
    await(ports().runLog().progress(run.id(), 1, 0, 5));
    RunRecord finished = await(ports().runLog().finish(run.id(), RunStatus.SUCCEEDED, null));

    assertEquals(RunStatus.SUCCEEDED, finished.status());
    assertEquals(List.of(3, 1, 15L), List.of(finished.daysWritten(), finished.daysSkipped(), finished.rowsRead()));
    assertNotNull(finished.finishedAt());
    assertFalse(finished.finishedAt().isBefore(finished.startedAt()));
    assertNull(finished.error());
    assertEquals(Optional.of(finished), await(ports().runLog().find(run.id())));
  }

  @Test
  default void aFailedRunKeepsItsErrorAndARunMayHaveNoRange() {
    RunRecord run = await(ports().runLog().start(RunKind.TICK, null, "UTC"));

    RunRecord failed = await(ports().runLog().finish(run.id(), RunStatus.FAILED, "connection reset"));

    assertNull(failed.range());
    assertEquals(RunStatus.FAILED, failed.status());
    assertEquals("connection reset", failed.error());
    assertEquals("connection reset", await(ports().runLog().find(run.id())).orElseThrow().error());
  }

  @Test
  default void recentListsNewestFirstUpToTheLimit() {
    RunRecord first = await(ports().runLog().start(RunKind.TICK, null, "UTC"));
    RunRecord second = await(ports().runLog().start(RunKind.ROLLUP, DayRange.of(D17), "UTC"));
    RunRecord third = await(ports().runLog().start(RunKind.BACKFILL, DayRange.of(D19), "UTC"));

    assertTrue(first.id() < second.id() && second.id() < third.id(), "ids increase");
    assertEquals(List.of(third.id(), second.id()),
        await(ports().runLog().recent(2)).stream().map(RunRecord::id).toList());
    assertEquals(3, await(ports().runLog().recent(10)).size());
  }

  @Test
  default void findingAnUnknownRunGivesNothing() {
    assertEquals(Optional.empty(), await(ports().runLog().find(987_654)));
  }
}
