package dev.aether.stats.adapters.postgres;

import static dev.aether.stats.adapters.postgres.PgTestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.LiveTotals;
import dev.aether.stats.domain.model.ModelDailyStats;
import dev.aether.stats.domain.model.Totals;
import dev.aether.stats.testsupport.FreshDatabase;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live readers (today/combined's window, live days, live model days), which read complete hour
 * buckets, a partial one, and the usage rows outside them, against the naive recomputation
 * ({@link NaiveStats}) at random instants with buckets up to a random recent hour, the next hour written
 * up to a random instant (as the timer writes the hour in progress), and a random hour missing or partial,
 * in UTC, a DST zone and +05:45; and exactly (every BigDecimal equal) against the same readers with no
 * bucket at all.
 */
class LiveReadsOracleTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  private static PgTestApp app;

  @BeforeAll
  static void fill() throws Exception {
    app = new PgTestApp(DB.url());
    RandomGateway gateway = new RandomGateway(20261203L);
    try (Connection c = DB.connect()) {
      gateway.users(c, 15);
      // around America/New_York's 23-hour 2026-03-08; pending and streaming rows everywhere
      gateway.usage(c, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 10), 120, d -> false);
    }
  }

  @AfterAll
  static void close() {
    app.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/New_York", "Asia/Kathmandu"})
  void liveReadsEqualTheNaiveRecomputationAtRandomInstants(String zone) throws Exception {
    Random random = new Random(zone.hashCode());
    long unsettledSeen = 0;
    int partialInToday = 0;
    for (int round = 0; round < 6; round++) {
      // now: a random instant between 03-06 and 03-10 (so "today" has rows before and after the buckets)
      Instant now = Instant.parse("2026-03-06T00:00:00Z").plusSeconds(random.nextInt(4 * 86_400))
          .plusMillis(random.nextInt(1000));
      BusinessCalendar calendar = new BusinessCalendar(ZoneId.of(zone), Clock.fixed(now, java.time.ZoneOffset.UTC));
      LocalDate today = calendar.dayOf(now);
      Instant dayStart = calendar.startOf(today);
      Instant newest = HourRange.floor(now).minus(Duration.ofHours(random.nextInt(4)));
      bucketsUpTo(newest, now, random);
      Instant firstIncomplete = firstIncompleteHourFrom(HourRange.ceil(dayStart));
      long partialRows = DB.queryLong("SELECT count(*) FROM stats_hourly WHERE hour = '" + firstIncomplete + "'"
          + " AND covers_until > hour AND covers_until <= '" + now + "' AND total_requests > 0");
      partialInToday += (int) partialRows;
      String what = zone + " at " + now + " (buckets to " + newest + ", first incomplete hour of today " + firstIncomplete
          + (partialRows > 0 ? ", partial" : "") + ")";

      LiveTotals todayTotals = await(app.adapters.loadLiveTotals().between(dayStart, now));
      DayBounds days = calendar.bounds(new DayRange(today.minusDays(1), today));
      List<DailyStats> daily = await(app.adapters.dailyStatsReader().live(days));
      List<ModelDailyStats> models = await(app.adapters.modelDailyStatsReader().live(days));

      try (Connection c = DB.connect()) {
        NaiveStats.assertSame(what + " today", NaiveStats.window(c, dayStart.toString(), now.toString()),
            Map.of("window", windowRow(todayTotals)));
        NaiveStats.assertSame(what + " live days", NaiveStats.daily(c, zone, today.minusDays(1), today),
            dailyRows(daily));
        NaiveStats.assertSame(what + " live model days", NaiveStats.perModel(c, zone, today.minusDays(1), today),
            modelRows(models));
      }
      unsettledSeen += todayTotals.unsettledRequests();

      // exactly the figures of one aggregation over all the rows: the same reads with no bucket at all
      DB.execute("DELETE FROM stats_hourly", "DELETE FROM stats_hourly_model", "DELETE FROM stats_hourly_provider");
      assertEquals(todayTotals, await(app.adapters.loadLiveTotals().between(dayStart, now)), what);
      assertEquals(daily, await(app.adapters.dailyStatsReader().live(days)), what);
      assertEquals(models, await(app.adapters.modelDailyStatsReader().live(days)), what);
    }
    assertTrue(unsettledSeen > 0, "compared while rows were still pending or streaming");
    assertTrue(partialInToday > 0, "a partial bucket was part of today's window");
  }

  /**
   * Complete buckets for every hour from the data's start to {@code newest} (excluded) but one, which is
   * missing or (every other time) partial; and a partial bucket of hour {@code newest}, written up to a random
   * instant no later than {@code now}.
   */
  private static void bucketsUpTo(Instant newest, Instant now, Random random) throws Exception {
    DB.execute("DELETE FROM stats_hourly", "DELETE FROM stats_hourly_model", "DELETE FROM stats_hourly_provider");
    HourRange hours = new HourRange(Instant.parse("2026-03-04T00:00:00Z"), newest);
    await(app.adapters.materializeHours().materialize(hours));
    Instant gap = hours.hour(random.nextInt(hours.size()));
    if (random.nextBoolean()) {
      await(app.adapters.materializeHours().materialize(new HourRange(gap, gap.plus(Duration.ofHours(1))),
          gap.plusMillis(random.nextInt(3_600_000))));
    } else {
      DB.execute("DELETE FROM stats_hourly WHERE hour = '" + gap + "'");
    }
    long upTo = Math.min(3_600_000, Duration.between(newest, now).toMillis());
    await(app.adapters.materializeHours().materialize(new HourRange(newest, newest.plus(Duration.ofHours(1))),
        newest.plusMillis(upTo == 0 ? 0 : random.nextLong(upTo))));
    assertTrue(DB.queryLong("SELECT count(*) FROM stats_hourly WHERE total_requests > 0") > 24, "buckets in use");
  }

  /** The first hour from {@code from} on without a complete bucket (the reads' c, see HourBuckets). */
  private static Instant firstIncompleteHourFrom(Instant from) throws Exception {
    try (Connection c = DB.connect(); var st = c.prepareStatement("""
        SELECT extract(epoch FROM min(g.h))::bigint
          FROM generate_series(?::timestamptz, ?::timestamptz + interval '30 days', interval '1 hour') AS g(h)
         WHERE NOT EXISTS (SELECT 1 FROM stats_hourly s
                            WHERE s.hour = g.h AND s.covers_until = s.hour + interval '1 hour')""")) {
      st.setString(1, from.toString());
      st.setString(2, from.toString());
      try (var rs = st.executeQuery()) {
        rs.next();
        return Instant.ofEpochSecond(rs.getLong(1));
      }
    }
  }

  private static Map<String, Object> figures(Totals t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total_requests", (double) t.totalRequests());
    m.put("success_requests", (double) t.successRequests());
    m.put("error_requests", (double) t.errorRequests());
    m.put("input_tokens", (double) t.inputTokens());
    m.put("output_tokens", (double) t.outputTokens());
    m.put("cache_creation_tokens", (double) t.cacheCreationTokens());
    m.put("cache_read_tokens", (double) t.cacheReadTokens());
    m.put("total_cost", t.totalCost().doubleValue());
    m.put("actual_total_cost", t.actualTotalCost().doubleValue());
    m.put("input_cost", t.inputCost().doubleValue());
    m.put("output_cost", t.outputCost().doubleValue());
    m.put("cache_creation_cost", t.cacheCreationCost().doubleValue());
    m.put("cache_read_cost", t.cacheReadCost().doubleValue());
    m.put("avg_response_time_ms", t.avgResponseTimeMs());
    return m;
  }

  private static Map<String, Object> windowRow(LiveTotals live) {
    Map<String, Object> m = figures(live.totals());
    m.put("unsettled_requests", (double) live.unsettledRequests());
    return m;
  }

  private static Map<String, Map<String, Object>> dailyRows(List<DailyStats> days) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (DailyStats d : days) {
      Map<String, Object> m = figures(d.totals());
      m.put("fallback_count", (double) d.fallbackCount());
      m.put("unique_models", (double) d.uniqueModels());
      m.put("unique_providers", (double) d.uniqueProviders());
      out.put(d.day().toString(), m);
    }
    return out;
  }

  private static Map<String, Map<String, Object>> modelRows(List<ModelDailyStats> models) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (ModelDailyStats d : models) {
      out.put(d.day() + "|" + d.model(), figures(d.totals()));
    }
    return out;
  }
}
