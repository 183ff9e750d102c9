package dev.aether.stats.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aether.stats.testsupport.FreshDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A CREATE INDEX CONCURRENTLY that fails (killed, lock timeout, ...) leaves its index behind, INVALID: never
 * used by a query, and IF NOT EXISTS would keep it forever. The next migrate drops and rebuilds it.
 */
class InvalidIndexRebuildTest {
  @RegisterExtension static final FreshDatabase DB = FreshDatabase.unmigrated();

  @Test
  void anInvalidIndexOfOursIsDroppedAndRebuiltAtTheNextMigrate() throws Exception {
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      st.execute(ReferenceSchema.sql());
      st.execute("INSERT INTO request_candidates (id, request_id, candidate_index, status, created_at) VALUES"
          + " ('c1', 'r1', 0, 'success', '2026-01-01T10:00Z'), ('c2', 'r2', 0, 'success', '2026-01-01T10:00Z')");
      // the classic way to get an INVALID index: a concurrent unique build over duplicates fails half-way
      assertThrows(SQLException.class, () -> st.execute(
          "CREATE UNIQUE INDEX CONCURRENTLY idx_request_candidates_created_at ON request_candidates (created_at)"));
      assertEquals("f", DB.queryText("SELECT indisvalid FROM pg_index"
          + " WHERE indexrelid = 'idx_request_candidates_created_at'::regclass"), "precondition: left INVALID");
    }

    SchemaMigrator.Result result = SchemaMigrator.migrate(DB.url().jdbcUrl(), DB.url().user(), DB.url().password());

    assertEquals(1, result.indexesBuilt());
    assertEquals("t", DB.queryText("SELECT indisvalid FROM pg_index"
        + " WHERE indexrelid = 'idx_request_candidates_created_at'::regclass"));
    assertEquals("CREATE INDEX idx_request_candidates_created_at ON public.request_candidates USING btree (created_at)",
        DB.queryText("SELECT pg_get_indexdef('idx_request_candidates_created_at'::regclass)"), "ours, not unique");
    assertEquals(0, DB.queryLong("SELECT count(*) FROM pg_index WHERE NOT indisvalid"));
  }
}
