package dev.aether.stats.adapters.postgres;

import static dev.aether.stats.adapters.postgres.PgTestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.changelog.SchemaMigrator;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.run.DayOutcome;
import dev.aether.stats.testsupport.FreshDatabase;
import dev.aether.stats.testsupport.PartitionedReferenceSchema;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A gateway whose usage and request_candidates are partitioned by month: after the migration (which
 * indexes every partition), stats_materialize_days gives the naive recomputation's figures, as on the
 * plain schema, and reads only the partitions of the batch's days.
 */
class PartitionedMaterializeTest {
  @RegisterExtension static final FreshDatabase DB = FreshDatabase.unmigrated();

  static final YearMonth FIRST_MONTH = YearMonth.of(2026, 1);
  static final LocalDate FIRST = LocalDate.of(2026, 1, 2);
  static final LocalDate LAST = LocalDate.of(2026, 3, 28);

  private static PgTestApp app;

  @BeforeAll
  static void setUp() throws Exception {
    try (Connection c = DB.connect()) {
      PartitionedReferenceSchema.create(c, FIRST_MONTH, 3);
    }
    SchemaMigrator.migrate(DB.url().jdbcUrl(), DB.url().user(), DB.url().password());
    RandomGateway gateway = new RandomGateway(20261202L);
    try (Connection c = DB.connect()) {
      gateway.users(c, 15);
      gateway.usage(c, FIRST.plusDays(1), LAST.minusDays(1), 30, d -> d.getDayOfMonth() == 17);
    }
    app = new PgTestApp(DB.url());
  }

  @AfterAll
  static void close() {
    app.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Asia/Kathmandu", "America/New_York"})
  void everyMaterializedRowEqualsTheNaiveRecomputation(String zone) throws Exception {
    DB.execute("DELETE FROM stats_daily", "DELETE FROM stats_user_daily", "DELETE FROM stats_daily_model");
    BusinessCalendar calendar = new BusinessCalendar(ZoneId.of(zone), Clock.systemUTC());
    for (DayRange batch : new DayRange(FIRST, LAST).batches(20)) {
      List<DayOutcome> outcomes = await(app.adapters.materializeDays().materialize(calendar.bounds(batch)));
      assertTrue(outcomes.stream().allMatch(o -> o.kind() == DayOutcome.Kind.WRITTEN), outcomes.toString());
    }
    try (Connection c = DB.connect()) {
      NaiveStats.assertSame(zone + " stats_daily", NaiveStats.daily(c, zone, FIRST, LAST),
          NaiveStats.stored(c, "stats_daily", null, zone, NaiveStats.DAILY_COLUMNS));
      NaiveStats.assertSame(zone + " stats_user_daily", NaiveStats.perUser(c, zone, FIRST, LAST),
          NaiveStats.stored(c, "stats_user_daily", "user_id", zone, NaiveStats.USER_COLUMNS));
      NaiveStats.assertSame(zone + " stats_daily_model", NaiveStats.perModel(c, zone, FIRST, LAST),
          NaiveStats.stored(c, "stats_daily_model", "model", zone, NaiveStats.MODEL_COLUMNS));
    }
  }

  @Test
  void aBatchReadsOnlyThePartitionsOfItsDays() throws Exception {
    // mid-February: its days, and the attempts' +-24 h, lie in February's partitions only
    DayRange batch = new DayRange(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 20));
    DayBounds bounds = new BusinessCalendar(ZoneId.of("UTC"), Clock.systemUTC()).bounds(batch);
    List<String> plans = explainNested(bounds);

    assertFalse(plans.isEmpty(), "auto_explain reported the function's statements");
    assertTrue(plans.stream().anyMatch(p -> executed(p, "usage_2026_02")), "February's usage rows were read");
    assertTrue(plans.stream().anyMatch(p -> executed(p, "request_candidates_2026_02")), "and its attempts");
    // January: only the earliest-row lookup (min(created_at), the retention check) may touch it
    for (String partition : List.of("usage_2026_03", "request_candidates_2026_03", "request_candidates_2026_01")) {
      for (String plan : plans) {
        assertFalse(executed(plan, partition), partition + " was scanned:\n" + plan);
      }
    }
    for (String plan : plans) {
      if (executed(plan, "usage_2026_01")) {
        assertTrue(plan.contains("min(") || plan.contains("Limit"), "January read only for the earliest row:\n" + plan);
      }
    }
  }

  /** Whether a plan (EXPLAIN ANALYZE text) ran a scan of the partition (a node not marked never executed). */
  private static boolean executed(String plan, String partition) {
    return plan.lines().anyMatch(l -> l.contains(" on " + partition + " ") && !l.contains("(never executed)"));
  }

  /**
   * Runs the batch in a session where auto_explain reports every nested statement's actual plan as a
   * notice (partitions pruned at plan or at run time are absent or marked never executed).
   */
  private static List<String> explainNested(DayBounds bounds) throws Exception {
    List<String> plans = new ArrayList<>();
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      st.execute("LOAD 'auto_explain'");
      st.execute("SET auto_explain.log_min_duration = 0");
      st.execute("SET auto_explain.log_nested_statements = on");
      st.execute("SET auto_explain.log_analyze = on");
      st.execute("SET auto_explain.log_level = notice");
      st.execute("SET client_min_messages = notice");
      try (PreparedStatement call = c.prepareStatement("SELECT * FROM stats_materialize_days(?)")) {
        Array array = c.createArrayOf("timestamptz",
            bounds.bounds().stream().map(Timestamp::from).toArray());
        call.setArray(1, array);
        call.executeQuery().close();
        for (SQLWarning w = call.getWarnings(); w != null; w = w.getNextWarning()) {
          plans.add(w.getMessage());
        }
      }
    }
    return plans;
  }
}
