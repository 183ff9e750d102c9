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
  @RegisterExtension static final FreshDatabase BUSY = FreshDatabase.unmigrated();

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

  @Test
  void whileAnotherMigrateBuildsTheIndexesThisOneLeavesThemAlone() throws Exception {
    BUSY.execute(ReferenceSchema.sql());
    try (Connection other = BUSY.connect(); Statement st = other.createStatement()) {
      // the other instance's migrate is building (its index would look INVALID until done: never drop it)
      st.execute("SELECT pg_advisory_lock(" + GatewayIndexes.LOCK_NAMESPACE + ", " + GatewayIndexes.LOCK_KEY + ")");
      SchemaMigrator.Result meanwhile = SchemaMigrator.migrate(BUSY.url().jdbcUrl(), BUSY.url().user(),
          BUSY.url().password());
      assertEquals(0, meanwhile.indexesBuilt());
      assertEquals(0, BUSY.queryLong("SELECT count(*) FROM pg_class WHERE relname = 'idx_request_candidates_created_at'"));
    }
    SchemaMigrator.Result later = SchemaMigrator.migrate(BUSY.url().jdbcUrl(), BUSY.url().user(), BUSY.url().password());
    assertEquals(1, later.indexesBuilt(), "the next migrate builds it");
  }
}
