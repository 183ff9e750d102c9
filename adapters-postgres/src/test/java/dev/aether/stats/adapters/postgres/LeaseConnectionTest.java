package dev.aether.stats.adapters.postgres;

import static dev.aether.stats.adapters.postgres.PgTestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.port.TickLease;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.run.RunStatus;
import dev.aether.stats.testsupport.FreshDatabase;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The advisory-lock leases (the timer's tick, each run's) are held on connections of their own, never on
 * pooled ones: a pooled connection whose unlock failed would go back to the pool still holding the lock,
 * and every later tick of every instance would be skipped. A dedicated connection is closed at release,
 * ending the session and the lock with it.
 */
class LeaseConnectionTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  private static PgTestApp app;

  @BeforeAll
  static void open() {
    app = new PgTestApp(DB.url());
  }

  @AfterAll
  static void close() {
    app.close();
  }

  @Test
  void theTickLeaseIsHeldOnADedicatedSessionAndReleasedWithIt() throws Exception {
    TickLease.Held held = await(app.adapters.tickLease().tryAcquire()).orElseThrow();
    try {
      assertEquals("aether-stats lease", holder(PgTickLease.LOCK_NAMESPACE, PgTickLease.TICK_KEY),
          "held by a session outside the pool");
      assertEquals(0, lockedByPooledSessions());
      assertEquals("f", tryLockElsewhere(PgTickLease.LOCK_NAMESPACE, PgTickLease.TICK_KEY), "taken while held");
    } finally {
      await(held.release());
    }
    assertEquals("t", tryLockElsewhere(PgTickLease.LOCK_NAMESPACE, PgTickLease.TICK_KEY), "free after release");
    assertEquals(0, lockedByPooledSessions());
  }

  @Test
  void aRunLeaseIsHeldOnADedicatedSessionAndASessionThatDiesFreesIt() throws Exception {
    DayRange range = DayRange.of(LocalDate.of(2026, 1, 1));
    RunRecord run = await(app.adapters.runLog().start(RunKind.ROLLUP, range, "UTC"));
    int key = (int) run.id();
    assertEquals("aether-stats lease", holder(PgRunLog.RUN_LOCK_NAMESPACE, key));
    assertEquals(0, lockedByPooledSessions());

    // the lease's session is lost (as when the unlock cannot be sent; waiting until it is gone): the lock goes with it, no pooled
    // connection keeps it, and the run is seen as interrupted
    assertEquals("t", DB.queryText("SELECT bool_and(pg_terminate_backend(pid, 10000)) FROM pg_locks WHERE locktype = 'advisory'"
        + " AND classid = " + PgRunLog.RUN_LOCK_NAMESPACE + " AND objid = " + key));
    RunRecord seen = await(app.adapters.runLog().find(run.id())).orElseThrow();
    assertEquals(RunStatus.INTERRUPTED, seen.status());
    assertEquals("t", tryLockElsewhere(PgRunLog.RUN_LOCK_NAMESPACE, key));
    assertEquals(0, lockedByPooledSessions());
  }

  @Test
  void aFinishedRunReleasesItsLease() throws Exception {
    RunLog runs = app.adapters.runLog(); // one instance, as the service wires it: it knows its leases
    RunRecord run = await(runs.start(RunKind.ROLLUP, DayRange.of(LocalDate.of(2026, 1, 2)), "UTC"));
    await(runs.finish(run.id(), RunStatus.SUCCEEDED, null));
    assertEquals("t", tryLockElsewhere(PgRunLog.RUN_LOCK_NAMESPACE, (int) run.id()));
    assertEquals(0, lockedByPooledSessions());
  }

  /** application_name of the session holding advisory lock (namespace, key). */
  private static String holder(int namespace, int key) throws Exception {
    return DB.queryText("SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = " + namespace + " AND l.objid = " + key);
  }

  /** Advisory locks held by the pool's sessions (application_name aether-stats). */
  private static long lockedByPooledSessions() throws Exception {
    return DB.queryLong("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        + " WHERE l.locktype = 'advisory' AND a.application_name = 'aether-stats'");
  }

  /** Whether another session can take the lock now (it lets it go at once). */
  private static String tryLockElsewhere(int namespace, int key) throws Exception {
    String got = DB.queryText("SELECT pg_try_advisory_lock(" + namespace + ", " + key + ")");
    assertTrue(got.equals("t") || got.equals("f"));
    return got; // the JDBC session of queryText ends right after, releasing a lock it got
  }
}
