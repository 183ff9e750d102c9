package dev.aether.stats.adapters.postgres;

import static dev.aether.stats.adapters.postgres.PgTestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.run.RunStatus;
import dev.aether.stats.testsupport.FreshDatabase;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A run whose process dies shows as interrupted; a live one never does. */
class RunInterruptionTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  @Test
  void aRunWhoseProcessDiedIsMarkedInterruptedAndALiveOneIsNot() {
    DayRange range = new DayRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
    try (PgTestApp survivor = new PgTestApp(DB.url())) {
      PgTestApp doomed = new PgTestApp(DB.url());
      RunRecord dying = await(doomed.adapters.runLog().start(RunKind.BACKFILL, range, "UTC"));
      RunRecord living = await(survivor.adapters.runLog().start(RunKind.ROLLUP, range, "UTC"));

      // while both processes live, both runs are running, whoever looks
      assertEquals(RunStatus.RUNNING, await(survivor.adapters.runLog().find(dying.id())).orElseThrow().status());
      assertEquals(RunStatus.RUNNING, await(doomed.adapters.runLog().find(living.id())).orElseThrow().status());

      doomed.close(); // the process is gone: its sessions end, without finishing the run

      RunRecord seen = await(survivor.adapters.runLog().find(dying.id())).orElseThrow();
      assertEquals(RunStatus.INTERRUPTED, seen.status());
      assertTrue(seen.error().startsWith("interrupted"), seen.error());
      assertTrue(seen.finishedAt() != null);
      assertEquals(RunStatus.RUNNING, await(survivor.adapters.runLog().find(living.id())).orElseThrow().status());

      RunRecord done = await(survivor.adapters.runLog().finish(living.id(), RunStatus.SUCCEEDED, null));
      assertEquals(RunStatus.SUCCEEDED, done.status());
      assertEquals(RunStatus.SUCCEEDED, await(survivor.adapters.runLog().recent(5)).get(0).status());
    }
  }
}
