package dev.aether.stats.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.testsupport.FreshDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On an empty database the changelog creates the reference schema, plus our additions. */
class SchemaMigratorTest {
  @RegisterExtension static final FreshDatabase OURS = FreshDatabase.unmigrated();
  @RegisterExtension static final FreshDatabase REFERENCE = FreshDatabase.unmigrated();

  @Test
  void createsTheReferenceTablesOnAnEmptyDatabaseAndASecondRunIsANoOp() throws Exception {
    SchemaMigrator.Result first = SchemaMigrator.migrate(OURS.url().jdbcUrl(), OURS.url().user(), OURS.url().password());
    assertTrue(first.changesetsApplied() > 0, "first run applies the changelog");

    try (Connection ref = REFERENCE.connect(); Statement st = ref.createStatement()) {
      st.execute(ReferenceSchema.sql());
    }
    List<String> tables = new ArrayList<>(ReferenceSchema.GATEWAY_TABLES);
    tables.addAll(ReferenceSchema.STATS_TABLES);
    try (Connection ours = OURS.connect(); Connection ref = REFERENCE.connect()) {
      Map<String, String> expected = SchemaCatalog.columns(ref, tables);
      Map<String, String> actual = SchemaCatalog.columns(ours, tables);
      // every reference column exists with the same type, nullability and default, except the widened
      // all-time request counters of the summary (integer -> bigint on purpose)
      for (Map.Entry<String, String> e : expected.entrySet()) {
        String want = e.getKey().matches("stats_summary\\.all_time_(|success_|error_)requests")
            ? e.getValue().replace("integer", "bigint")
            : e.getValue();
        assertEquals(want, actual.get(e.getKey()), e.getKey());
      }
      // the additions are exactly the documented ones
      List<String> extra = actual.keySet().stream().filter(k -> !expected.containsKey(k)).sorted().toList();
      assertEquals(List.of(
          "stats_daily.response_time_count", "stats_daily.response_time_sum_ms",
          "stats_daily_model.error_requests", "stats_daily_model.response_time_count",
          "stats_daily_model.response_time_sum_ms"), extra);
      // every reference constraint and index is there too
      List<String> ourConstraints = SchemaCatalog.constraintsAndIndexes(ours, tables);
      for (String c : SchemaCatalog.constraintsAndIndexes(ref, tables)) {
        assertTrue(ourConstraints.contains(c), "missing " + c);
      }
      assertTrue(ourConstraints.contains(
          "request_candidates: CREATE INDEX ON public.request_candidates USING btree (created_at)"),
          "request_candidates(created_at) index added");
      assertEquals(1, SchemaCatalog.count(ours, "SELECT count(*) FROM pg_proc WHERE proname = 'stats_materialize_days'"));
    }

    SchemaMigrator.Result second = SchemaMigrator.migrate(OURS.url().jdbcUrl(), OURS.url().user(), OURS.url().password());
    assertEquals(0, second.changesetsApplied(), "a second run applies nothing");
    assertEquals(first.changesetsTotal(), second.changesetsTotal());
  }
}
