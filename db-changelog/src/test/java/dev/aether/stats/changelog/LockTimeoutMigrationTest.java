package dev.aether.stats.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.testsupport.FreshDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A table the migration must alter is locked by the gateway (here: another session holding ACCESS
 * EXCLUSIVE): the migration gives up after lock_timeout with a clear message instead of queueing (which
 * would block the gateway's own writes behind it), applies nothing of that changeset, and a later retry works.
 */
class LockTimeoutMigrationTest {
  @RegisterExtension static final FreshDatabase DB = FreshDatabase.unmigrated();

  @Test
  @Timeout(120) // without lock_timeout the migration would wait for this very thread's lock forever
  void aLockedTableFailsTheMigrationClearlyWithinTheLockTimeoutAndARetrySucceeds() throws Exception {
    DB.execute(ReferenceSchema.sql());
    MigrationException failure;
    long elapsedNanos;
    try (Connection gateway = DB.connect(); Statement st = gateway.createStatement()) {
      gateway.setAutoCommit(false);
      st.execute("LOCK TABLE stats_daily IN ACCESS EXCLUSIVE MODE");
      long t0 = System.nanoTime();
      failure = assertThrows(MigrationException.class, () -> migrate());
      elapsedNanos = System.nanoTime() - t0;
      gateway.rollback();
    }

    assertEquals("could not take a lock on table stats_daily within 5 s; the gateway is busy; retry later",
        failure.getMessage());
    assertTrue(Duration.ofNanos(elapsedNanos).compareTo(Duration.ofSeconds(60)) < 0,
        "gave up in bounded time, not after the lock was released: " + Duration.ofNanos(elapsedNanos));
    // nothing half-applied: the changeset that needed the lock is neither recorded nor partly done
    assertEquals(0, DB.queryLong("SELECT count(*) FROM databasechangelog WHERE id = 'stats-response-time-sums'"));
    assertEquals(0, DB.queryLong("SELECT count(*) FROM information_schema.columns"
        + " WHERE table_name = 'stats_daily' AND column_name = 'response_time_sum_ms'"));
    assertEquals(0, DB.queryLong("SELECT count(*) FROM databasechangeloglock WHERE locked"), "Liquibase's lock released");

    SchemaMigrator.Result retry = migrate();
    assertTrue(retry.changesetsApplied() > 0);
    assertEquals(1, DB.queryLong("SELECT count(*) FROM information_schema.columns"
        + " WHERE table_name = 'stats_daily' AND column_name = 'response_time_sum_ms'"));
  }

  private static SchemaMigrator.Result migrate() throws MigrationException {
    return SchemaMigrator.migrate(DB.url().jdbcUrl(), DB.url().user(), DB.url().password());
  }
}
