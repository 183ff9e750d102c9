package dev.aether.stats.adapters.postgres;

import static dev.aether.stats.adapters.postgres.PgTestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.changelog.PostgresUrl;
import dev.aether.stats.domain.model.LiveTotals;
import dev.aether.stats.testsupport.FreshDatabase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pool keeps the live reads' window statements prepared by name on its connections, and only them: a
 * read answered from the hour buckets would otherwise spend most of its time on PostgreSQL parsing their
 * text again. Seen from the session itself (pg_prepared_statements lists the protocol-level statements of
 * the connection that asks; the pool has one connection, so every statement below ran on it).
 */
class KeptWindowStatementsTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  private static final String KEPT = "SELECT count(*) FROM pg_prepared_statements WHERE NOT from_sql AND statement = $1";

  @Test
  void theWindowStatementIsPreparedOnceAndOtherStatementsAreNotKept() throws Exception {
    Vertx vertx = Vertx.vertx();
    PostgresUrl u = DB.url();
    Pool pool = PgPools.create(vertx, new PgPools.Settings(u.host(), u.port(), u.database(), u.user(), u.password(), 1));
    try {
      DB.execute("INSERT INTO usage (id, request_id, model, provider, status, input_tokens, created_at)"
          + " VALUES ('k1', 'r1', 'm', 'p', 'completed', 7, '2026-03-02T10:15:00Z')");
      PgLoadLiveTotals totals = new PgLoadLiveTotals(pool);
      Instant from = Instant.parse("2026-03-02T00:00:00Z");
      LiveTotals first = await(totals.between(from, Instant.parse("2026-03-02T12:00:00Z")));
      LiveTotals second = await(totals.between(from, Instant.parse("2026-03-02T12:30:00Z")));
      String other = "SELECT $1::int + 1";
      assertEquals(3, pool.preparedQuery(other).execute(Tuple.of(2)).await().iterator().next().getInteger(0));

      assertEquals(1, first.totals().totalRequests());
      assertEquals(7, second.totals().inputTokens(), "the kept statement answers each call's own bounds");
      assertTrue(HourBuckets.isWindowStatement(HourBuckets.TOTALS));
      assertEquals(1L, kept(pool, HourBuckets.TOTALS), "prepared once, by name, for both calls");
      assertEquals(0L, kept(pool, other), "a statement outside the windows is not kept");
    } finally {
      pool.close().await();
      vertx.close().await();
    }
  }

  private static long kept(Pool pool, String sql) {
    return pool.preparedQuery(KEPT).execute(Tuple.of(sql)).await().iterator().next().getLong(0);
  }
}
