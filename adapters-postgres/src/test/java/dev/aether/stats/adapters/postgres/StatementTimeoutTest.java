package dev.aether.stats.adapters.postgres;

import static dev.aether.stats.adapters.postgres.PgTestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.changelog.PostgresUrl;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.run.DayOutcome;
import dev.aether.stats.testsupport.FreshDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every pooled connection carries a statement_timeout, so a runaway query cannot hold a connection (and a
 * gateway's locks) for ever; the materialization batch, legitimately long, raises it for its own transaction.
 */
class StatementTimeoutTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  @Test
  void everyPooledConnectionHasTheDefaultStatementTimeout() {
    Vertx vertx = Vertx.vertx();
    Pool pool = PgPools.create(vertx, settings(PgPools.DEFAULT_STATEMENT_TIMEOUT));
    try {
      String value = pool.query("SHOW statement_timeout").execute().await().iterator().next().getString(0);
      assertEquals("15s", value, "a bit above the HTTP database timeout (10 s)");
    } finally {
      pool.close().await();
      vertx.close().await();
    }
  }

  @Test
  void aQueryLongerThanTheLimitFailsWithTheTimeoutError() {
    Vertx vertx = Vertx.vertx();
    Pool pool = PgPools.create(vertx, settings(Duration.ofMillis(300)));
    try {
      Exception e = assertThrows(Exception.class, () -> pool.query("SELECT pg_sleep(5)").execute().await());
      PgException pg = assertInstanceOfCause(e);
      assertEquals("57014", pg.getSqlState(), "query_canceled");
      assertTrue(pg.getMessage().contains("statement timeout"), pg.getMessage());
      // the connection is fine afterwards: the pool keeps serving
      assertEquals(1, pool.query("SELECT 1").execute().await().iterator().next().getInteger(0));
    } finally {
      pool.close().await();
      vertx.close().await();
    }
  }

  @Test
  void aMaterializationBatchLongerThanThePoolsLimitStillCompletes() throws Exception {
    // a statement-level trigger makes the batch's write of stats_daily take longer than the pool's limit
    DB.execute("CREATE FUNCTION slow_write() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN PERFORM pg_sleep(1.5); RETURN NULL; END $$",
        "CREATE TRIGGER slow_stats_daily AFTER INSERT OR UPDATE ON stats_daily FOR EACH STATEMENT"
            + " EXECUTE FUNCTION slow_write()");
    try {
      Vertx vertx = Vertx.vertx();
      PostgresAdapters adapters = PostgresAdapters.open(vertx, settings(Duration.ofSeconds(1)));
      try {
        BusinessCalendar utc = new BusinessCalendar(ZoneOffset.UTC, Clock.systemUTC());
        List<DayOutcome> outcomes = await(adapters.materializeDays()
            .materialize(utc.bounds(DayRange.of(LocalDate.of(2026, 1, 5)))));
        assertEquals(1, outcomes.size());
        assertEquals(DayOutcome.Kind.WRITTEN, outcomes.get(0).kind());
      } finally {
        await(adapters.close());
        vertx.close().await();
      }
    } finally {
      DB.execute("DROP TRIGGER slow_stats_daily ON stats_daily", "DROP FUNCTION slow_write()");
    }
  }

  private static PgException assertInstanceOfCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PgException pg) {
        return pg;
      }
    }
    throw new AssertionError("not a PostgreSQL error: " + e, e);
  }

  private static PgPools.Settings settings(Duration statementTimeout) {
    PostgresUrl u = DB.url();
    return new PgPools.Settings(u.host(), u.port(), u.database(), u.user(), u.password(), 1, statementTimeout);
  }
}
