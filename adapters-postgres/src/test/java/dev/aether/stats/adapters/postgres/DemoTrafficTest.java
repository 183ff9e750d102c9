package dev.aether.stats.adapters.postgres;

import static dev.aether.stats.adapters.postgres.PgTestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.testsupport.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import dev.aether.stats.changelog.SchemaMigrator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** demo-data: deterministic for a seed and end instant, and shaped like real gateway traffic. */
class DemoTrafficTest {
  @RegisterExtension static final FreshDatabase ONE = new FreshDatabase();
  @RegisterExtension static final FreshDatabase TWO = new FreshDatabase();
  @RegisterExtension static final FreshDatabase THREE = new FreshDatabase();

  private static final Instant END = Instant.parse("2026-06-15T10:30:00Z");

  @BeforeAll
  static void installDemoSupport() throws Exception {
    for (FreshDatabase db : new FreshDatabase[] {ONE, TWO, THREE}) {
      SchemaMigrator.migrateDemo(db.url().jdbcUrl(), db.url().user(), db.url().password());
    }
  }

  @Test
  void sameSeedSameRowsAndARealisticShape() throws Exception {
    DemoTraffic.Filled first;
    try (PgTestApp app = new PgTestApp(ONE.url())) {
      first = await(app.adapters.demoTraffic().fill(7, 2_000, 50, 99, END));
    }
    try (PgTestApp app = new PgTestApp(TWO.url())) {
      DemoTraffic.Filled second = await(app.adapters.demoTraffic().fill(7, 2_000, 50, 99, END));
      assertEquals(first, second);
    }
    assertEquals(14_000, first.usage());
    assertEquals(50, first.users());
    assertTrue(first.candidates() >= first.usage(), "at least one attempt per request");
    String digest = "SELECT md5(string_agg(row_to_json(u)::text, ',' ORDER BY id)) FROM usage u";
    assertEquals(one(ONE, digest), one(TWO, digest), "identical usage rows");

    try (Connection c = ONE.connect(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT min(created_at) >= timestamptz '2026-06-08T10:30:00Z',"
             + " max(created_at) <= timestamptz '2026-06-15T10:30:00Z',"
             + " avg((status_code >= 400 OR error_message IS NOT NULL)::int),"
             + " avg((status = 'pending')::int),"
             + " count(DISTINCT model), count(DISTINCT user_id),"
             + " (SELECT avg(n) FROM (SELECT count(*) n FROM request_candidates WHERE status IN ('success','failed')"
             + "   GROUP BY request_id) a)"
             + " FROM usage")) {
      rs.next();
      assertTrue(rs.getBoolean(1) && rs.getBoolean(2), "rows lie in the days ending at END");
      double errorShare = rs.getDouble(3);
      assertTrue(errorShare > 0.03 && errorShare < 0.09, "about 5% errors: " + errorShare);
      double pendingShare = rs.getDouble(4);
      assertTrue(pendingShare > 0.003 && pendingShare < 0.03, "about 1% pending: " + pendingShare);
      assertTrue(rs.getInt(5) >= 6, "several models");
      assertTrue(rs.getInt(6) > 20, "many users");
      double attempts = rs.getDouble(7);
      assertTrue(attempts > 1.05 && attempts < 1.6, "1-4 attempts, mostly one: " + attempts);
    }
  }

  @Test
  void rowsTheFillDidNotInsertAreSeenAsForeign() throws Exception {
    try (PgTestApp app = new PgTestApp(THREE.url())) {
      await(app.adapters.demoTraffic().fill(1, 300, 5, 7, END.minusSeconds(30 * 86_400)));
      assertEquals(false, await(app.adapters.demoTraffic().hasForeignUsageRows()), "only generated rows");
      THREE.execute("INSERT INTO usage (id, request_id, provider, model) VALUES ('real-1', 'real-req-1', 'openai', 'gpt-4o'),"
          + " ('real-2', 'real-req-2', 'openai', 'gpt-4o')");
      assertEquals(true, await(app.adapters.demoTraffic().hasForeignUsageRows()), "the gateway's two rows");
    }
  }

  private static String one(FreshDatabase db, String sql) throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
