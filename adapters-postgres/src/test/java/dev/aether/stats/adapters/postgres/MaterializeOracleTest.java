package dev.aether.stats.adapters.postgres;

import static dev.aether.stats.adapters.postgres.PgTestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.run.DayOutcome;
import dev.aether.stats.testsupport.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * stats_materialize_days against an independent, naive recomputation ({@link NaiveStats}) on random data
 * with every awkward case, in zones with 23- and 25-hour days and +05:30 / +05:45 offsets.
 */
class MaterializeOracleTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  // Spans both 2026 DST changes of America/New_York (March 8, November 1), with empty days inside.
  static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
  static final LocalDate LAST = LocalDate.of(2026, 11, 6);

  private static PgTestApp app;

  @BeforeAll
  static void fill() throws Exception {
    app = new PgTestApp(DB.url());
    RandomGateway gateway = new RandomGateway(20261126L);
    try (Connection c = DB.connect()) {
      gateway.users(c, 25);
      gateway.usage(c, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 14), 90,
          d -> d.getDayOfMonth() == 5 || d.getDayOfMonth() == 11);
      gateway.usage(c, LocalDate.of(2026, 10, 27), LocalDate.of(2026, 11, 5), 90, d -> d.getDayOfMonth() == 30);
    }
  }

  @AfterAll
  static void close() {
    app.close();
  }

  @BeforeEach
  void clearStats() throws Exception {
    DB.execute("DELETE FROM stats_daily", "DELETE FROM stats_user_daily", "DELETE FROM stats_daily_model",
        "DELETE FROM stats_daily_provider", "DELETE FROM stats_daily_api_key", "DELETE FROM stats_daily_model_provider",
        "DELETE FROM stats_daily_latency_histogram");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Asia/Shanghai", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu"})
  void everyMaterializedRowEqualsTheNaiveRecomputation(String zone) throws Exception {
    List<DayOutcome> outcomes = materialize(zone, FIRST, LAST, 31);
    assertEquals(new DayRange(FIRST, LAST).size(), outcomes.size());
    assertTrue(outcomes.stream().allMatch(o -> o.kind() == DayOutcome.Kind.WRITTEN));
    assertMatchesNaive(zone);
  }

  @Test
  void theDstDaysReallyAre23And25HoursLong() {
    BusinessCalendar ny = new BusinessCalendar(ZoneId.of("America/New_York"), Clock.systemUTC());
    var march = ny.bounds(DayRange.of(LocalDate.of(2026, 3, 8)));
    var november = ny.bounds(DayRange.of(LocalDate.of(2026, 11, 1)));
    assertEquals(23 * 3600, march.end().getEpochSecond() - march.start().getEpochSecond());
    assertEquals(25 * 3600, november.end().getEpochSecond() - november.start().getEpochSecond());
  }

  @Test
  void aRerunWritesIdenticalRows() throws Exception {
    String zone = "America/New_York";
    materialize(zone, FIRST, LAST, 31);
    String before = snapshot();
    materialize(zone, FIRST, LAST, 7); // other batch boundaries, same result
    assertEquals(before, snapshot());
  }

  @Test
  void changedRowsAreReflectedAndVanishedKeysRemoved() throws Exception {
    String zone = "Asia/Shanghai";
    materialize(zone, FIRST, LAST, 31);
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      // a pending request completes
      assertEquals(1, st.executeUpdate("UPDATE usage SET status = 'completed', status_code = 200, input_tokens = 777,"
          + " total_cost_usd = 1.5, response_time_ms = 1234 WHERE id = (SELECT min(id) FROM usage WHERE status = 'pending')"));
      // one user's and one model's rows of a day disappear
      String userDay = DB.queryText("SELECT user_id || '|' || (created_at AT TIME ZONE 'Asia/Shanghai')::date FROM usage"
          + " WHERE user_id IS NOT NULL ORDER BY id LIMIT 1");
      String[] ud = userDay.split("\\|");
      assertTrue(st.executeUpdate("DELETE FROM usage WHERE user_id = '" + ud[0] + "' AND (created_at AT TIME ZONE"
          + " 'Asia/Shanghai')::date = '" + ud[1] + "'") > 0);
      String modelDay = DB.queryText("SELECT model || '|' || (created_at AT TIME ZONE 'Asia/Shanghai')::date FROM usage"
          + " ORDER BY id DESC LIMIT 1");
      String[] md = modelDay.split("\\|");
      assertTrue(st.executeUpdate("DELETE FROM usage WHERE model = '" + md[0] + "' AND (created_at AT TIME ZONE"
          + " 'Asia/Shanghai')::date = '" + md[1] + "'") > 0);
      assertEquals(1, DB.queryLong("SELECT count(*) FROM stats_user_daily WHERE user_id = '" + ud[0]
          + "' AND date = '" + ud[1] + "'::timestamp AT TIME ZONE 'Asia/Shanghai'"), "stored before the re-run");

      materialize(zone, FIRST, LAST, 31);

      assertEquals(0, DB.queryLong("SELECT count(*) FROM stats_user_daily WHERE user_id = '" + ud[0]
          + "' AND date = '" + ud[1] + "'::timestamp AT TIME ZONE 'Asia/Shanghai'"), "vanished user removed");
      assertEquals(0, DB.queryLong("SELECT count(*) FROM stats_daily_model WHERE model = '" + md[0]
          + "' AND date = '" + md[1] + "'::timestamp AT TIME ZONE 'Asia/Shanghai'"), "vanished model removed");
    }
    assertMatchesNaive(zone);
  }

  @Test
  void daysWhoseRawRowsRetentionDeletedAreNeverRecomputed() throws Exception {
    String zone = "Asia/Kolkata";
    materialize(zone, FIRST, LAST, 31);
    String before = snapshot();
    Instant horizon = Instant.parse("2026-03-08T12:00:00Z");
    DB.execute("DELETE FROM usage WHERE created_at < '" + horizon + "'");

    List<DayOutcome> outcomes = materialize(zone, FIRST, LAST, 31);

    // every day that starts before the earliest retained row is protected, every later one written
    Instant earliest;
    try (Connection c = DB.connect(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT min(created_at) FROM usage")) {
      rs.next();
      earliest = rs.getTimestamp(1).toInstant();
    }
    // protected: starts before the earliest retained row AND lost rows (stored count > rows left)
    for (DayOutcome o : outcomes) {
      boolean lostRows = o.dayStart().isBefore(earliest) && "t".equals(DB.queryText(
          "SELECT (SELECT total_requests FROM stats_daily WHERE date = '" + o.dayStart() + "')"
              + " > (SELECT count(*) FROM usage WHERE created_at >= '" + o.dayStart() + "' AND created_at < '"
              + o.dayStart().plusSeconds(86_400) + "')")); // Kolkata: no DST, 24-hour days
      assertEquals(lostRows ? DayOutcome.Kind.PROTECTED : DayOutcome.Kind.WRITTEN, o.kind(), o.day().toString());
    }
    assertTrue(outcomes.stream().filter(o -> o.kind() == DayOutcome.Kind.PROTECTED).count() >= 5,
        "the days with deleted rows (March 2-8 but the empty 5th)");
    // protected days keep their stored rows; the later days, recomputed from untouched rows, are equal too
    assertEquals(before, snapshot());
    // ... whereas recomputing the half-deleted day (as the original does) would have written partial numbers
    LocalDate halfDeleted = LocalDate.of(2026, 3, 8);
    try (Connection c = DB.connect()) {
      Map<String, Object> partial = NaiveStats.daily(c, zone, halfDeleted, halfDeleted).get(halfDeleted.toString());
      Map<String, Object> kept = NaiveStats.stored(c, "stats_daily", null, zone, NaiveStats.DAILY_COLUMNS)
          .get(halfDeleted.toString());
      assertTrue(((Number) partial.get("total_requests")).longValue() < ((Number) kept.get("total_requests")).longValue(),
          "partial " + partial.get("total_requests") + " vs kept " + kept.get("total_requests"));
    }
  }

  private static List<DayOutcome> materialize(String zone, LocalDate first, LocalDate last, int batchDays) {
    BusinessCalendar calendar = new BusinessCalendar(ZoneId.of(zone), Clock.systemUTC());
    List<DayOutcome> all = new ArrayList<>();
    for (DayRange batch : new DayRange(first, last).batches(batchDays)) {
      all.addAll(await(app.adapters.materializeDays().materialize(calendar.bounds(batch))));
    }
    return all;
  }

  private static void assertMatchesNaive(String zone) throws Exception {
    try (Connection c = DB.connect()) {
      NaiveStats.assertSame(zone + " stats_daily", NaiveStats.daily(c, zone, FIRST, LAST),
          NaiveStats.stored(c, "stats_daily", null, zone, NaiveStats.DAILY_COLUMNS));
      NaiveStats.assertSame(zone + " stats_user_daily", NaiveStats.perUser(c, zone, FIRST, LAST),
          NaiveStats.stored(c, "stats_user_daily", "user_id", zone, NaiveStats.USER_COLUMNS));
      NaiveStats.assertSame(zone + " stats_daily_model", NaiveStats.perModel(c, zone, FIRST, LAST),
          NaiveStats.stored(c, "stats_daily_model", "model", zone, NaiveStats.MODEL_COLUMNS));
      NaiveStats.assertSame(zone + " stats_daily_provider", NaiveStats.perProvider(c, zone, FIRST, LAST),
          NaiveStats.stored(c, "stats_daily_provider", "provider", zone, NaiveStats.PROVIDER_COLUMNS));
      NaiveStats.assertSame(zone + " stats_daily_api_key", NaiveStats.perApiKey(c, zone, FIRST, LAST),
          NaiveStats.stored(c, "stats_daily_api_key", "api_key_id", zone, NaiveStats.BREAKDOWN_COLUMNS));
      NaiveStats.assertSame(zone + " stats_daily_model_provider", NaiveStats.perModelProvider(c, zone, FIRST, LAST),
          NaiveStats.stored(c, "stats_daily_model_provider", "model || '|' || provider", zone,
              NaiveStats.BREAKDOWN_COLUMNS));
      NaiveStats.assertSame(zone + " stats_daily_latency_histogram", NaiveStats.histograms(c, zone, FIRST, LAST),
          NaiveStats.stored(c, NaiveStats.HISTOGRAM_CELLS,
              "dimension || '|' || key || '|' || metric || '|' || bucket", zone, NaiveStats.HISTOGRAM_COLUMNS));
    }
    // each key's stored name and owner are the gateway's
    assertEquals(0, DB.queryLong("SELECT count(*) FROM stats_daily_api_key s JOIN api_keys k ON k.id = s.api_key_id"
        + " WHERE s.api_key_name IS DISTINCT FROM k.name OR s.user_id IS DISTINCT FROM k.user_id"));
    assertTrue(DB.queryLong("SELECT count(*) FROM stats_daily_api_key WHERE api_key_name IS NOT NULL") > 0);
    assertTrue(DB.queryLong("SELECT count(*) FROM stats_daily_api_key WHERE api_key_name IS NULL") > 0);
    // the awkward cases are really there: 0 ms, beyond an hour, first bytes, 3xx, other errors
    assertTrue(DB.queryLong("SELECT count(*) FROM " + NaiveStats.HISTOGRAM_CELLS + " WHERE bucket = -1") > 0);
    assertTrue(DB.queryLong("SELECT count(*) FROM " + NaiveStats.HISTOGRAM_CELLS + " WHERE max_ms > 3600000") > 0);
    assertTrue(DB.queryLong("SELECT count(*) FROM stats_daily_latency_histogram WHERE metric = 'first_byte'") > 0);
    assertTrue(DB.queryLong("SELECT sum(requests_3xx) FROM stats_daily_provider") > 0);
    assertTrue(DB.queryLong("SELECT sum(error_requests - client_errors - service_errors) FROM stats_daily_provider") > 0);
  }

  /** Every stored figure of the stats tables as text, in a stable order (ids and timestamps left out). */
  static String snapshot() throws Exception {
    StringBuilder sb = new StringBuilder();
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      for (String q : new String[] {
          "SELECT date::date::text AS d, (to_jsonb(t) - 'id' - 'created_at' - 'updated_at')::text FROM stats_daily t ORDER BY date",
          "SELECT date::date::text, (to_jsonb(t) - 'id' - 'created_at' - 'updated_at')::text FROM stats_user_daily t ORDER BY date, user_id",
          "SELECT date::date::text, (to_jsonb(t) - 'id' - 'created_at' - 'updated_at')::text FROM stats_daily_model t ORDER BY date, model",
          "SELECT date::date::text, (to_jsonb(t) - 'updated_at')::text FROM stats_daily_provider t ORDER BY date, provider",
          "SELECT date::date::text, (to_jsonb(t) - 'updated_at')::text FROM stats_daily_api_key t ORDER BY date, api_key_id",
          "SELECT date::date::text, (to_jsonb(t) - 'updated_at')::text FROM stats_daily_model_provider t ORDER BY date, model, provider",
          "SELECT date::date::text, to_jsonb(t)::text FROM stats_daily_latency_histogram t ORDER BY date, dimension, key, metric"}) {
        try (ResultSet rs = st.executeQuery(q)) {
          while (rs.next()) {
            sb.append(rs.getString(1)).append(' ').append(rs.getString(2)).append('\n');
          }
        }
      }
    }
    return sb.toString();
  }
}
