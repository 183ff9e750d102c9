package dev.aether.stats.adapters.postgres;

import static dev.aether.stats.adapters.postgres.PgTestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.model.Comparison;
import dev.aether.stats.domain.model.EfficiencySummary;
import dev.aether.stats.domain.model.ErrorSummary;
import dev.aether.stats.domain.model.LatencySummary;
import dev.aether.stats.domain.model.LeaderboardEntry;
import dev.aether.stats.domain.model.SeriesPoint;
import dev.aether.stats.domain.model.UsageFilter;
import dev.aether.stats.domain.usecase.AnalyticsQueries;
import dev.aether.stats.domain.usecase.AnalyticsQueries.Granularity;
import dev.aether.stats.domain.usecase.HourlyQueries;
import dev.aether.stats.domain.usecase.StatsQueries;
import dev.aether.stats.testsupport.FreshDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The analytics reads on PostgreSQL against direct SQL over the usage rows, on random data whose range is
 * partly materialized (March 1-9), partly closed but not materialized (10-13) and partly today (14): every
 * answer must equal the plain query whatever the split, percentiles within the stated 1 %.
 */
class AnalyticsOnPostgresTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
  static final LocalDate TODAY = LocalDate.of(2026, 3, 14);
  static final DayRange RANGE = new DayRange(FIRST, TODAY);
  static final String FROM = "'2026-03-01T00:00:00Z'";
  static final String TO = "'2026-03-15T00:00:00Z'";
  static final String IN_RANGE = " created_at >= " + FROM + " AND created_at < " + TO;
  static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");

  static PgTestApp app;
  static AnalyticsQueries analytics;
  static StatsQueries stats;
  static BusinessCalendar calendar;
  /** The rows' source: subclasses add rows with it (its ids go on). */
  static RandomGateway gateway;

  @BeforeAll
  static void fill() throws Exception {
    app = new PgTestApp(DB.url());
    gateway = new RandomGateway(20261202L);
    try (Connection c = DB.connect()) {
      gateway.users(c, 12);
      gateway.usage(c, LocalDate.of(2026, 3, 2), TODAY, 120, d -> d.getDayOfMonth() == 6);
    }
    calendar = new BusinessCalendar(ZoneId.of("UTC"), Clock.fixed(NOW, ZoneOffset.UTC));
    PostgresAdapters a = app.adapters;
    await(a.materializeDays().materialize(calendar.bounds(new DayRange(FIRST, LocalDate.of(2026, 3, 9)))));
    stats = new StatsQueries(a.loadSummary(), a.loadLiveTotals(), a.loadUserCounts(),
        a.dailyStatsReader(), a.userDailyStatsReader(), a.modelDailyStatsReader(), calendar);
    analytics = new AnalyticsQueries(stats, a.dailyStatsReader(), a.breakdownReader(), a.latencyHistogramReader(),
        a.periodUsageReader(), hourly(a), calendar);
  }

  static HourlyQueries hourly(PostgresAdapters a) {
    return new HourlyQueries(a.hourlyStatsReader(), a.modelHourlyStatsReader(), calendar);
  }

  @AfterAll
  static void close() {
    app.close();
  }

  @Test
  void latencyPercentilesAreWithinOnePercentOfPercentileContAndMaximaExact() throws Exception {
    List<LatencySummary> byModel = await(analytics.latency(AnalyticsQueries.LatencyGrouping.MODEL, RANGE));
    List<String> models = column("SELECT DISTINCT model FROM usage WHERE status = 'completed' AND" + IN_RANGE
        + " ORDER BY 1");
    assertEquals(models, byModel.stream().map(LatencySummary::key).toList());
    for (LatencySummary s : byModel) {
      String where = " WHERE status = 'completed' AND model = '" + s.key() + "' AND" + IN_RANGE;
      checkMetric(s.key() + " response", "response_time_ms", where, s.completedRequests(),
          s.responseP50Ms(), s.responseP90Ms(), s.responseP99Ms(), s.responseMaxMs());
      checkMetric(s.key() + " first byte", "first_byte_time_ms", where, null,
          s.firstByteP50Ms(), s.firstByteP90Ms(), s.firstByteP99Ms(), s.firstByteMaxMs());
    }
    LatencySummary all = await(analytics.latency(AnalyticsQueries.LatencyGrouping.ALL, RANGE)).get(0);
    assertEquals("all", all.key());
    checkMetric("all", "response_time_ms", " WHERE status = 'completed' AND" + IN_RANGE, all.completedRequests(),
        all.responseP50Ms(), all.responseP90Ms(), all.responseP99Ms(), all.responseMaxMs());

    List<LatencySummary> byDay = await(analytics.latency(AnalyticsQueries.LatencyGrouping.DAY, RANGE));
    assertEquals(RANGE.size(), byDay.size());
    LatencySummary empty = byDay.get(5); // March 6 has no rows
    assertEquals("2026-03-06", empty.key());
    assertEquals(0, empty.completedRequests());
    assertNull(empty.responseP50Ms());
    LatencySummary live = byDay.get(11); // March 12: not materialized
    checkMetric("March 12", "response_time_ms", " WHERE status = 'completed' AND created_at >= '2026-03-12T00:00:00Z'"
        + " AND created_at < '2026-03-13T00:00:00Z'", live.completedRequests(), live.responseP50Ms(),
        live.responseP90Ms(), live.responseP99Ms(), live.responseMaxMs());
  }

  private static void checkMetric(String what, String column, String where, Long count, Double p50, Double p90,
      Double p99, Long max) throws SQLException {
    String sql = "SELECT count(" + column + "), percentile_cont(0.5) WITHIN GROUP (ORDER BY " + column + "),"
        + " percentile_cont(0.9) WITHIN GROUP (ORDER BY " + column + "),"
        + " percentile_cont(0.99) WITHIN GROUP (ORDER BY " + column + "), max(" + column + ") FROM usage" + where;
    try (Connection c = DB.connect(); PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
      rs.next();
      if (count != null) {
        assertEquals(rs.getLong(1), count, what + " count");
      }
      assertTrue(rs.getLong(1) > 10, what + ": enough values to mean something");
      within(what + " p50", rs.getDouble(2), p50);
      within(what + " p90", rs.getDouble(3), p90);
      within(what + " p99", rs.getDouble(4), p99);
      assertEquals(rs.getLong(5), max, what + " max");
    }
  }

  private static void within(String what, double expected, Double actual) {
    assertTrue(Math.abs(actual - expected) <= 0.01 * expected,
        what + ": " + actual + " is not within 1 % of percentile_cont " + expected);
  }

  @Test
  void leaderboardsRankLikeTheDirectQuery() throws Exception {
    List<LeaderboardEntry> users = await(analytics.leaderboard(AnalyticsQueries.Ranked.USERS, RANGE,
        AnalyticsQueries.RankMetric.COST, 5, 1));
    List<String[]> expected = rows("SELECT user_id, sum(total_cost_usd), count(*), username FROM usage"
        + " JOIN users ON users.id = user_id WHERE" + IN_RANGE.replace("created_at", "usage.created_at")
        + " GROUP BY user_id, username"
        + " ORDER BY 2 DESC, 1 LIMIT 5 OFFSET 1");
    double total = DB.queryDouble("SELECT sum(total_cost_usd) FROM usage WHERE user_id IS NOT NULL AND" + IN_RANGE);
    assertEquals(5, users.size());
    for (int i = 0; i < 5; i++) {
      LeaderboardEntry e = users.get(i);
      assertEquals(i + 2, e.rank());
      assertEquals(expected.get(i)[0], e.id());
      assertEquals(expected.get(i)[3], e.name());
      assertEquals(Long.parseLong(expected.get(i)[2]), e.totalRequests());
      assertEquals(Double.parseDouble(expected.get(i)[1]), e.value(), costTolerance());
      assertEquals(Double.parseDouble(expected.get(i)[1]) / total, e.share(), 1e-9);
    }

    List<LeaderboardEntry> keys = await(analytics.leaderboard(AnalyticsQueries.Ranked.API_KEYS, RANGE,
        AnalyticsQueries.RankMetric.TOKENS, 100, 0));
    List<String[]> expectedKeys = rows("SELECT u.api_key_id, sum(coalesce(input_tokens, 0) + coalesce(output_tokens, 0)"
        + " + coalesce(cache_creation_input_tokens, 0) + coalesce(cache_read_input_tokens, 0)), k.name FROM usage u"
        + " JOIN api_keys k ON k.id = u.api_key_id WHERE" + IN_RANGE.replace("created_at", "u.created_at")
        + " GROUP BY 1, 3 ORDER BY 2 DESC, 1");
    assertEquals(expectedKeys.stream().map(r -> r[0] + " " + r[1] + " " + r[2]).toList(),
        keys.stream().map(e -> e.id() + " " + e.totalTokens() + " " + e.name()).toList());

    List<LeaderboardEntry> providers = await(analytics.leaderboard(AnalyticsQueries.Ranked.PROVIDERS, RANGE,
        AnalyticsQueries.RankMetric.ERRORS, 10, 0));
    assertEquals(rows("SELECT provider, count(*) FILTER (WHERE status_code >= 400 OR error_message IS NOT NULL)"
            + " FROM usage WHERE" + IN_RANGE + " GROUP BY 1 ORDER BY 2 DESC, 1").stream()
            .map(r -> r[0] + " " + r[1]).toList(),
        providers.stream().map(e -> e.id() + " " + e.errorRequests()).toList());
  }

  @Test
  void errorsSplitLikeTheDirectQuery() throws Exception {
    List<ErrorSummary> byModel = await(analytics.errors(AnalyticsQueries.ErrorGrouping.MODEL, RANGE));
    assertEquals(rows("SELECT model, count(*), count(*) FILTER (WHERE status_code BETWEEN 400 AND 499),"
            + " count(*) FILTER (WHERE status_code >= 500 OR (status_code IS NULL AND error_message IS NOT NULL)),"
            + " count(*) FILTER (WHERE status_code < 400 AND error_message IS NOT NULL)"
            + " FROM usage WHERE" + IN_RANGE + " GROUP BY 1 ORDER BY 1").stream().map(r -> String.join(" ", r)).toList(),
        byModel.stream().map(e -> e.key() + " " + e.totalRequests() + " " + e.clientErrors() + " "
            + e.serviceErrors() + " " + e.otherErrors()).toList());

    List<ErrorSummary> byClass = await(analytics.errors(AnalyticsQueries.ErrorGrouping.STATUS_CLASS, RANGE));
    assertEquals(rows("SELECT CASE WHEN status_code IS NULL THEN 'none' WHEN status_code < 300 THEN '2xx'"
            + " WHEN status_code < 400 THEN '3xx' WHEN status_code < 500 THEN '4xx' ELSE '5xx' END AS k, count(*),"
            + " count(*) FILTER (WHERE status_code >= 400 OR error_message IS NOT NULL) FROM usage WHERE" + IN_RANGE
            + " GROUP BY 1 ORDER BY 1").stream().map(r -> String.join(" ", r)).toList(),
        byClass.stream().sorted(java.util.Comparator.comparing(ErrorSummary::key))
            .map(e -> e.key() + " " + e.totalRequests() + " " + (e.totalRequests() - e.successRequests())).toList());
  }

  @Test
  void efficiencyIsTheRatioOfTheDirectSums() throws Exception {
    List<EfficiencySummary> byProvider = await(analytics.efficiency(AnalyticsQueries.EfficiencyGrouping.PROVIDER, RANGE));
    List<String[]> expected = rows("SELECT provider,"
        + " sum(output_tokens) FILTER (WHERE status = 'completed' AND output_tokens > 0"
        + "   AND response_time_ms > coalesce(first_byte_time_ms, 0)) * 1000.0"
        + " / sum(response_time_ms - coalesce(first_byte_time_ms, 0)) FILTER (WHERE status = 'completed'"
        + "   AND output_tokens > 0 AND response_time_ms > coalesce(first_byte_time_ms, 0)),"
        + " count(*) FILTER (WHERE cache_read_input_tokens > 0)::float8 / count(*),"
        + " sum(cache_read_input_tokens)::float8 / sum(coalesce(input_tokens, 0) + coalesce(cache_creation_input_tokens, 0)"
        + "   + coalesce(cache_read_input_tokens, 0))"
        + " FROM usage WHERE" + IN_RANGE + " GROUP BY 1 ORDER BY 1");
    assertEquals(expected.size(), byProvider.size());
    for (int i = 0; i < expected.size(); i++) {
      EfficiencySummary e = byProvider.get(i);
      assertEquals(expected.get(i)[0], e.key());
      assertEquals(Double.parseDouble(expected.get(i)[1]), e.outputTokensPerSecond(), 1e-9);
      assertEquals(Double.parseDouble(expected.get(i)[2]), e.cacheHitRate(), 1e-12);
      assertEquals(Double.parseDouble(expected.get(i)[3]), e.cacheReadShare(), 1e-12);
    }
  }

  @Test
  void seriesWithAndWithoutFiltersEqualTheDirectQuery() throws Exception {
    // per day of one provider (stats_daily_provider + live days)
    List<SeriesPoint> days = await(analytics.series(Granularity.DAY, RANGE, new UsageFilter(null, null, "openai", null)));
    Map<String, String> expected = map("SELECT created_at::date::text, count(*) || ' ' || sum(output_tokens)"
        + " FROM usage WHERE provider = 'openai' AND" + IN_RANGE + " GROUP BY 1");
    assertEquals(RANGE.size(), days.size());
    for (SeriesPoint p : days) {
      assertEquals(expected.getOrDefault(p.period(), "0 0"), p.totals().totalRequests() + " "
          + p.totals().outputTokens(), p.period());
    }
    assertEquals("materialized", days.get(0).source());
    assertEquals("live", days.get(12).source());

    // weeks, whole gateway: March 1 is a Sunday, so the first week holds one day
    List<SeriesPoint> weeks = await(analytics.series(Granularity.WEEK, RANGE, UsageFilter.NONE));
    assertEquals(List.of("2026-W09", "2026-W10", "2026-W11"), weeks.stream().map(SeriesPoint::period).toList());
    assertEquals(Instant.parse("2026-02-23T00:00:00Z"), weeks.get(0).periodStart());
    assertEquals(DB.queryLong("SELECT count(*) FROM usage WHERE created_at >= '2026-03-09' AND" + IN_RANGE),
        weeks.get(2).totals().totalRequests());
    assertEquals("mixed", weeks.get(2).source());

    // hours of a user and a model: a combination no table carries, read live
    List<SeriesPoint> hours = await(analytics.series(Granularity.HOUR, new DayRange(TODAY.minusDays(1), TODAY),
        new UsageFilter("user-3", "gpt-4o", null, null)));
    assertEquals(48, hours.size());
    Map<String, String> perHour = map("SELECT to_char(date_trunc('hour', created_at AT TIME ZONE 'UTC'),"
        + " 'YYYY-MM-DD\"T\"HH24:MI') || 'Z', count(*) || ' ' || coalesce(sum(input_tokens), 0) FROM usage"
        + " WHERE user_id = 'user-3' AND model = 'gpt-4o' AND created_at >= '2026-03-13' AND" + IN_RANGE
        + " GROUP BY 1");
    assertTrue(!perHour.isEmpty());
    for (SeriesPoint p : hours) {
      assertEquals(perHour.getOrDefault(p.period(), "0 0"), p.totals().totalRequests() + " "
          + p.totals().inputTokens(), p.period());
    }
  }

  @Test
  void anUnfilteredHourlySeriesEqualsTheRowsOfEachHour() throws Exception {
    // read from the hour buckets where they exist (the subclass writes them up to NOW), else live
    List<SeriesPoint> hours = await(analytics.series(Granularity.HOUR, new DayRange(TODAY.minusDays(1), TODAY),
        UsageFilter.NONE));
    assertEquals(48, hours.size());
    Map<String, String> perHour = map("SELECT to_char(date_trunc('hour', created_at AT TIME ZONE 'UTC'),"
        + " 'YYYY-MM-DD\"T\"HH24:MI') || 'Z', count(*) || ' ' || count(*) FILTER (WHERE status_code >= 400"
        + " OR error_message IS NOT NULL) || ' ' || coalesce(sum(output_tokens), 0)"
        + " FROM usage WHERE created_at >= '2026-03-13' AND" + IN_RANGE + " GROUP BY 1");
    assertTrue(perHour.size() > 24, "the random rows fill most hours of both days");
    long bucketed = DB.queryLong("SELECT count(*) FROM stats_hourly WHERE hour >= '2026-03-13' AND hour < '"
        + NOW + "'");
    long materialized = 0;
    for (SeriesPoint p : hours) {
      assertEquals(perHour.getOrDefault(p.period(), "0 0 0"), p.totals().totalRequests() + " "
          + p.totals().errorRequests() + " " + p.totals().outputTokens(), p.period());
      assertTrue(!p.periodStart().isBefore(NOW) ? p.source().equals("live") : true, p.period());
      materialized += p.source().equals("materialized") ? 1 : 0;
    }
    assertEquals(bucketed, materialized, "every closed hour with a bucket is read from it, no other");
  }

  @Test
  void comparisonHoldsBothRangesFigures() throws Exception {
    Comparison c = await(analytics.comparison(new DayRange(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 14)),
        AnalyticsQueries.Against.PREVIOUS));
    assertEquals(new DayRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 7)), c.previous().range());
    assertEquals(DB.queryLong("SELECT count(*) FROM usage WHERE created_at >= '2026-03-08' AND" + IN_RANGE),
        c.current().totals().totalRequests());
    assertEquals(DB.queryLong("SELECT count(*) FROM usage WHERE created_at < '2026-03-08' AND" + IN_RANGE),
        c.previous().totals().totalRequests());
    assertEquals(DB.queryDouble("SELECT sum(total_cost_usd) FROM usage WHERE created_at < '2026-03-08' AND" + IN_RANGE),
        c.previous().totals().totalCost().doubleValue(), costTolerance());
  }

  /**
   * Costs are summed as integers of 1e-9 USD (each value rounded to the nearest one), the naive side as
   * floats: n values differ by at most n x 0.5e-9 USD (README › How the numbers are computed).
   */
  private static double costTolerance() throws SQLException {
    return 0.5e-9 * DB.queryLong("SELECT count(*) FROM usage") + 1e-9;
  }

  private static List<String> column(String sql) throws SQLException {
    return rows(sql).stream().map(r -> r[0]).toList();
  }

  private static Map<String, String> map(String sql) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    rows(sql).forEach(r -> out.put(r[0], r[1]));
    return out;
  }

  private static List<String[]> rows(String sql) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (Connection c = DB.connect(); PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        String[] row = new String[n];
        for (int i = 0; i < n; i++) {
          row[i] = rs.getString(i + 1);
        }
        out.add(row);
      }
    }
    return out;
  }
}
