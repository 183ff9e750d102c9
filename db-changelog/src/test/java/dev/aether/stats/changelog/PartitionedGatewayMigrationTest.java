package dev.aether.stats.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.testsupport.FreshDatabase;
import dev.aether.stats.testsupport.PartitionedReferenceSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A gateway whose usage and request_candidates are range-partitioned by month: CREATE INDEX CONCURRENTLY
 * is refused on a partitioned table, so the migration builds the indexes partition by partition and
 * attaches them, or keeps the gateway's own.
 */
class PartitionedGatewayMigrationTest {
  @RegisterExtension static final FreshDatabase WITHOUT_USAGE_INDEX = FreshDatabase.unmigrated();
  @RegisterExtension static final FreshDatabase WITH_USAGE_INDEX = FreshDatabase.unmigrated();

  static final YearMonth FIRST = YearMonth.of(2026, 1);
  static final int MONTHS = 3;

  @Test
  void buildsEachPartitionsIndexConcurrentlyAttachesItAndASecondRunIsANoOp() throws Exception {
    List<String> partitions;
    try (Connection c = WITHOUT_USAGE_INDEX.connect(); Statement st = c.createStatement()) {
      partitions = PartitionedReferenceSchema.create(c, FIRST, MONTHS);
      fill(st);
      // a gateway without usage(created_at): both indexes need the per-partition recipe
      st.execute("DROP INDEX idx_usage_created_at");
    }

    SchemaMigrator.Result first = migrate(WITHOUT_USAGE_INDEX);
    assertTrue(first.changesetsApplied() > 0);
    assertEquals(2 * MONTHS, first.indexesBuilt(), "one concurrent build per partition");

    try (Connection c = WITHOUT_USAGE_INDEX.connect()) {
      for (String parent : List.of("idx_usage_created_at", "idx_request_candidates_created_at")) {
        assertEquals("t", text(c, "SELECT indisvalid FROM pg_index WHERE indexrelid = '" + parent + "'::regclass"),
            parent + " is valid once every partition is attached");
      }
      for (String partition : partitions) {
        String table = partition.startsWith("usage") ? "usage" : "request_candidates";
        assertEquals("t", text(c, "SELECT bool_and(i.indisvalid) FROM pg_inherits h"
            + " JOIN pg_index i ON i.indexrelid = h.inhrelid"
            + " WHERE h.inhparent = 'idx_" + table + "_created_at'::regclass AND i.indrelid = '" + partition
            + "'::regclass"), partition + " has a valid index attached to the parent's");
        assertEquals("CREATE INDEX " + partition + "_created_at_idx ON public." + partition
            + " USING btree (created_at)", text(c, "SELECT pg_get_indexdef('" + partition + "_created_at_idx'::regclass)"));
      }
      assertEquals(0, SchemaCatalog.count(c, "SELECT count(*) FROM pg_index WHERE NOT indisvalid"), "no invalid index");
    }
    List<String> indexesBefore = indexes(WITHOUT_USAGE_INDEX);

    SchemaMigrator.Result second = migrate(WITHOUT_USAGE_INDEX);
    assertEquals(0, second.changesetsApplied());
    assertEquals(0, second.indexesBuilt());
    assertEquals(indexesBefore, indexes(WITHOUT_USAGE_INDEX), "the very same indexes (oids), nothing rebuilt");
  }

  @Test
  void keepsTheGatewaysOwnUsageIndexAndAddsOnlyTheMissingOne() throws Exception {
    try (Connection c = WITH_USAGE_INDEX.connect(); Statement st = c.createStatement()) {
      PartitionedReferenceSchema.create(c, FIRST, MONTHS);
      fill(st);
    }
    List<String> usageIndexesBefore = indexesOf(WITH_USAGE_INDEX, "usage");

    SchemaMigrator.Result result = migrate(WITH_USAGE_INDEX);

    assertEquals(MONTHS, result.indexesBuilt(), "request_candidates' partitions only");
    assertEquals(usageIndexesBefore, indexesOf(WITH_USAGE_INDEX, "usage"), "usage's indexes untouched");
    try (Connection c = WITH_USAGE_INDEX.connect()) {
      assertEquals("t", text(c, "SELECT indisvalid FROM pg_index"
          + " WHERE indexrelid = 'idx_request_candidates_created_at'::regclass"));
    }
  }

  /** Rows in every month: the partitions hold data while their indexes build. */
  private static void fill(Statement st) throws Exception {
    st.execute("INSERT INTO users (id, email, username, password_hash) VALUES ('u1', 'u1@x', 'u1', 'h')");
    st.execute("INSERT INTO usage (id, user_id, request_id, provider, model, created_at)"
        + " SELECT 'r' || i, 'u1', 'req-' || i, 'openai', 'gpt-4o',"
        + " timestamptz '2026-01-01 00:00Z' + i * interval '1 hour' FROM generate_series(0, 24 * 89) i");
    st.execute("INSERT INTO request_candidates (id, request_id, candidate_index, status, created_at)"
        + " SELECT 'c' || i, 'req-' || i, 0, 'success', timestamptz '2026-01-01 00:00Z' + i * interval '1 hour'"
        + " FROM generate_series(0, 24 * 89) i");
  }

  private static SchemaMigrator.Result migrate(FreshDatabase db) throws MigrationException {
    return SchemaMigrator.migrate(db.url().jdbcUrl(), db.url().user(), db.url().password());
  }

  private static List<String> indexes(FreshDatabase db) throws Exception {
    return rows(db, "SELECT c.relname || ' ' || c.oid FROM pg_class c WHERE c.relkind IN ('i', 'I')"
        + " AND c.relnamespace = 'public'::regnamespace ORDER BY 1");
  }

  private static List<String> indexesOf(FreshDatabase db, String table) throws Exception {
    return rows(db, "SELECT indexrelid::regclass::text || ' ' || indexrelid FROM pg_index"
        + " WHERE indrelid = '" + table + "'::regclass ORDER BY 1");
  }

  private static List<String> rows(FreshDatabase db, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static String text(Connection c, String sql) throws Exception {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
