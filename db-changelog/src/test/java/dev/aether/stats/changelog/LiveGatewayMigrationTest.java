package dev.aether.stats.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.testsupport.FreshDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A live gateway's database already holds its tables (and maybe the original aggregator's stats tables,
 * with a duplicated summary row from its race): the migration keeps every row and column of them.
 */
class LiveGatewayMigrationTest {
  @RegisterExtension static final FreshDatabase DB = FreshDatabase.unmigrated();

  @Test
  void keepsEveryRowAndColumnOfALiveGatewayDatabase() throws Exception {
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      st.execute(ReferenceSchema.sql());
      st.execute("INSERT INTO users (id, email, username, password_hash) VALUES ('u1','a@x','a','h'),('u2','b@x','b','h')");
      st.execute("INSERT INTO api_keys (id, user_id, key_hash) VALUES ('k1','u1','hash1')");
      st.execute("INSERT INTO usage (id, user_id, api_key_id, request_id, provider, model, input_tokens, total_cost_usd,"
          + " status_code, created_at) VALUES ('r1','u1','k1','req-1','openai','gpt-4o',10,0.5,200,'2026-01-01T10:00Z'),"
          + " ('r2',NULL,NULL,'req-2','anthropic','claude',20,1.25,500,'2026-01-02T10:00Z')");
      st.execute("INSERT INTO request_candidates (id, request_id, candidate_index, status, created_at)"
          + " VALUES ('c1','req-1',0,'success','2026-01-01T10:00Z')");
      st.execute("INSERT INTO stats_daily (id, date, total_requests, total_cost) VALUES ('d1','2026-01-01T00:00Z',1,0.5)");
      st.execute("INSERT INTO stats_summary (id, cutoff_date, all_time_requests, updated_at) VALUES"
          + " ('s-old','2026-01-01T00:00Z',1,'2026-01-01T00:00Z'), ('s-new','2026-01-02T00:00Z',2,'2026-01-02T00:00Z')");
    }
    List<String> tables = List.of("users", "api_keys", "usage", "request_candidates");
    Map<String, String> columnsBefore;
    String rowsBefore;
    try (Connection c = DB.connect()) {
      columnsBefore = SchemaCatalog.columns(c, List.of("users", "api_keys", "usage", "request_candidates"));
      rowsBefore = dump(c, tables);
    }

    SchemaMigrator.Result first = SchemaMigrator.migrate(DB.url().jdbcUrl(), DB.url().user(), DB.url().password());
    assertTrue(first.changesetsApplied() > 0);

    try (Connection c = DB.connect()) {
      assertEquals(columnsBefore, SchemaCatalog.columns(c, List.of("users", "api_keys", "usage", "request_candidates")),
          "the gateway's columns are untouched");
      String rowsAfter = dump(c, tables);
      assertEquals(rowsBefore, rowsAfter, "every row kept as it was");
      assertEquals(1, SchemaCatalog.count(c,
          "SELECT count(*) FROM stats_daily WHERE id = 'd1' AND total_requests = 1 AND total_cost = 0.5"),
          "the original aggregator's history is kept");
      assertEquals(1, SchemaCatalog.count(c, "SELECT count(*) FROM stats_summary WHERE id = 's-new'"),
          "the newest summary row is kept");
      assertEquals(1, SchemaCatalog.count(c, "SELECT count(*) FROM stats_summary"), "one summary row");
      assertEquals(1, SchemaCatalog.count(c, "SELECT count(*) FROM pg_indexes WHERE indexname = 'idx_request_candidates_created_at'"));
      assertEquals(1, SchemaCatalog.count(c, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'stats_rollup_runs'"));
    }

    SchemaMigrator.Result second = SchemaMigrator.migrate(DB.url().jdbcUrl(), DB.url().user(), DB.url().password());
    assertEquals(0, second.changesetsApplied(), "a second migrate is a no-op");
    try (Connection c = DB.connect()) {
      assertEquals(rowsBefore, dump(c, tables));
    }
  }

  /** Every row of the tables as text (row_to_json), in a stable order. */
  private static String dump(Connection c, List<String> tables) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (String t : tables) {
      try (Statement st = c.createStatement();
           var rs = st.executeQuery("SELECT row_to_json(x)::text FROM " + t + " x ORDER BY id")) {
        while (rs.next()) {
          sb.append(t).append(' ').append(rs.getString(1)).append('\n');
        }
      }
    }
    return sb.toString();
  }
}
