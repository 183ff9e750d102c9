package dev.aether.stats.adapters.postgres;

import static dev.aether.stats.adapters.postgres.PgTestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.run.DayOutcome;
import dev.aether.stats.domain.run.HourOutcome;
import dev.aether.stats.testsupport.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * stats_materialize_hours against the naive per-hour recomputation ({@link NaiveStats#hourly}) on random
 * data, and the day rows against the sum of their hours in zones whose days start on a UTC hour.
 */
class MaterializeHoursOracleTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  // The random rows lie on UTC days 03-02..03-14 and 10-27..11-05 (see fill()); these windows hold them.
  static final HourRange MARCH = new HourRange(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-16T00:00:00Z"));
  static final HourRange AUTUMN = new HourRange(Instant.parse("2026-10-26T00:00:00Z"), Instant.parse("2026-11-07T00:00:00Z"));

  private static PgTestApp app;

  @BeforeAll
  static void fill() throws Exception {
    app = new PgTestApp(DB.url());
    RandomGateway gateway = new RandomGateway(20261202L);
    try (Connection c = DB.connect()) {
      gateway.users(c, 20);
      gateway.usage(c, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 14), 80, d -> d.getDayOfMonth() == 6);
      gateway.usage(c, LocalDate.of(2026, 10, 27), LocalDate.of(2026, 11, 5), 80, d -> d.getDayOfMonth() == 31);
    }
  }

  @AfterAll
  static void close() {
    app.close();
  }

  @BeforeEach
  void clearStats() throws Exception {
    DB.execute("DELETE FROM stats_hourly", "DELETE FROM stats_hourly_model", "DELETE FROM stats_hourly_provider",
        "DELETE FROM stats_daily", "DELETE FROM stats_user_daily", "DELETE FROM stats_daily_model");
  }

  @Test
  void everyHourRowEqualsTheNaiveRecomputation() throws Exception {
    List<HourOutcome> outcomes = materializeHours(MARCH, 24 * 31);
    outcomes.addAll(materializeHours(AUTUMN, 24 * 31));

    assertEquals(MARCH.size() + AUTUMN.size(), outcomes.size());
    assertTrue(outcomes.stream().allMatch(o -> o.kind() == DayOutcome.Kind.WRITTEN));
    try (Connection c = DB.connect()) {
      var expected = NaiveStats.hourly(c, MARCH.from().toString(), MARCH.to().toString());
      expected.putAll(NaiveStats.hourly(c, AUTUMN.from().toString(), AUTUMN.to().toString()));
      assertTrue(expected.values().stream().anyMatch(h -> ((Number) h.get("unsettled_requests")).longValue() > 0),
          "the data holds pending rows");
      NaiveStats.assertSame("stats_hourly", expected,
          NaiveStats.storedHours(c, "stats_hourly", null, NaiveStats.HOURLY_COLUMNS));
      var models = NaiveStats.hourlyModels(c, MARCH.from().toString(), MARCH.to().toString());
      models.putAll(NaiveStats.hourlyModels(c, AUTUMN.from().toString(), AUTUMN.to().toString()));
      NaiveStats.assertSame("stats_hourly_model", models,
          NaiveStats.storedHours(c, "stats_hourly_model", "model", NaiveStats.MODEL_HOURLY_COLUMNS));
    }
  }

  @Test
  void aRerunInOtherPiecesWritesIdenticalRows() throws Exception {
    materializeHours(MARCH, 24 * 31);
    String before = snapshot();
    materializeHours(MARCH, 7); // other boundaries, other scan order: same values
    assertEquals(before, snapshot());
  }

  /** In these zones every business day starts on a whole UTC hour, so a day is exactly a run of hours. */
  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/New_York", "Asia/Shanghai", "Asia/Kolkata"})
  void dayRowsEqualTheSumOfTheirHours(String zone) throws Exception {
    BusinessCalendar calendar = new BusinessCalendar(ZoneId.of(zone), Clock.systemUTC());
    DayRange days = new DayRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 14));
    var bounds = calendar.bounds(days);
    boolean aligned = bounds.bounds().stream().allMatch(HourRange::isWholeHour);
    if (!aligned) {
      // Kolkata (+05:30) is the counter-example: its days start at half past, inside an hour.
      assertEquals("Asia/Kolkata", zone);
      return;
    }
    await(app.adapters.materializeDays().materialize(bounds));
    materializeHours(new HourRange(bounds.start(), bounds.end()), 24 * 31);

    // Every additive figure, exactly (costs: the exact hour sums rounded once, as the day rounds its sum).
    String mismatches = DB.queryText("""
        WITH d AS (SELECT s.*, lead(s.date) OVER (ORDER BY s.date) AS next FROM stats_daily s),
        h AS (SELECT d.date, count(h.hour) AS hours,
                     sum(h.total_requests) AS total_requests, sum(h.error_requests) AS error_requests,
                     sum(h.input_tokens) AS input_tokens, sum(h.output_tokens) AS output_tokens,
                     sum(h.cache_creation_tokens) AS cache_creation_tokens, sum(h.cache_read_tokens) AS cache_read_tokens,
                     sum(h.total_cost)::float8 AS total_cost, sum(h.actual_total_cost)::float8 AS actual_total_cost,
                     sum(h.input_cost)::float8 AS input_cost, sum(h.output_cost)::float8 AS output_cost,
                     sum(h.cache_creation_cost)::float8 AS cache_creation_cost,
                     sum(h.cache_read_cost)::float8 AS cache_read_cost,
                     sum(h.response_time_sum_ms) AS response_time_sum_ms, sum(h.response_time_count) AS response_time_count,
                     sum(h.fallback_count) AS fallback_count,
                     (SELECT count(DISTINCT m.model) FROM stats_hourly_model m
                       WHERE m.hour >= d.date AND m.hour < d.next) AS unique_models,
                     (SELECT count(DISTINCT p.provider) FROM stats_hourly_provider p
                       WHERE p.hour >= d.date AND p.hour < d.next) AS unique_providers
                FROM d JOIN stats_hourly h ON h.hour >= d.date AND h.hour < d.next
               GROUP BY d.date, d.next)
        SELECT coalesce(string_agg(d.date::text, ', '), '') FROM d JOIN h USING (date)
         WHERE (d.total_requests, d.error_requests, d.input_tokens, d.output_tokens, d.cache_creation_tokens,
                d.cache_read_tokens, d.total_cost, d.actual_total_cost, d.input_cost, d.output_cost,
                d.cache_creation_cost, d.cache_read_cost, d.response_time_sum_ms, d.response_time_count,
                d.fallback_count, d.unique_models, d.unique_providers)
               IS DISTINCT FROM
               (h.total_requests, h.error_requests, h.input_tokens, h.output_tokens, h.cache_creation_tokens,
                h.cache_read_tokens, h.total_cost, h.actual_total_cost, h.input_cost, h.output_cost,
                h.cache_creation_cost, h.cache_read_cost, h.response_time_sum_ms, h.response_time_count,
                h.fallback_count, h.unique_models, h.unique_providers)
            OR h.hours <> extract(epoch FROM d.next - d.date) / 3600
        """);
    assertEquals("", mismatches, zone + ": days that differ from the sum of their hours");
    long compared = DB.queryLong("SELECT count(*) - 1 FROM stats_daily");
    assertEquals(days.size() - 1, compared, "every day but the last (no next start stored) was compared");
    assertTrue(DB.queryLong("SELECT sum(total_requests) FROM stats_daily") > 500, "non-trivial data");
    if (zone.equals("America/New_York")) {
      assertEquals(23, DB.queryLong("SELECT count(*) FROM stats_hourly WHERE hour >= '2026-03-08T05:00:00Z'"
          + " AND hour < '2026-03-09T04:00:00Z'"), "the 23-hour DST day");
    }
  }

  private static List<HourOutcome> materializeHours(HourRange range, int piece) {
    List<HourOutcome> all = new java.util.ArrayList<>();
    for (Instant from = range.from(); from.isBefore(range.to()); from = from.plus(Duration.ofHours(piece))) {
      Instant to = from.plus(Duration.ofHours(piece));
      all.addAll(await(app.adapters.materializeHours().materialize(
          new HourRange(from, to.isAfter(range.to()) ? range.to() : to))));
    }
    return all;
  }

  private static String snapshot() throws Exception {
    StringBuilder sb = new StringBuilder();
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      for (String q : new String[] {
          "SELECT (to_jsonb(t) - 'updated_at')::text FROM stats_hourly t ORDER BY hour",
          "SELECT (to_jsonb(t) - 'updated_at')::text FROM stats_hourly_model t ORDER BY hour, model",
          "SELECT to_jsonb(t)::text FROM stats_hourly_provider t ORDER BY hour, provider"}) {
        try (ResultSet rs = st.executeQuery(q)) {
          while (rs.next()) {
            sb.append(rs.getString(1)).append('\n');
          }
        }
      }
    }
    return sb.toString();
  }
}
