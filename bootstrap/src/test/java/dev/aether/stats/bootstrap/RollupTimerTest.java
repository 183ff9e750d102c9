package dev.aether.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.bootstrap.commands.ServeCommand;
import dev.aether.stats.bootstrap.config.EnvironmentConfig;
import dev.aether.stats.domain.model.CombinedStats;
import dev.aether.stats.domain.usecase.TickResult;
import dev.aether.stats.testsupport.FreshDatabase;
import io.vertx.core.Future;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * serve keeps the statistics current by itself: on a database with 90 days of history and no statistics
 * the first tick materializes them; later ticks pick up late and completed rows; combined totals equal a
 * direct sum over usage whatever the summary's age; two instances on one database never collide.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollupTimerTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  private static Map<String, String> env(String interval) {
    return Map.of("STATS_DATABASE_URL", MainTest.urlWithPassword(DB.url()), "STATS_HTTP_PORT", "0",
        "STATS_ROLLUP_INTERVAL", interval);
  }

  /** "Now" for every instance of this test: days, cutoffs and live reads never depend on when it runs. */
  static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
  /** Today (UTC) in SQL, where the test used to say current_date. */
  private static final String TODAY = "'2026-06-15'::date";

  private static ServeCommand.RunningService serve(String interval) throws Exception {
    return serve(env(interval));
  }

  private static ServeCommand.RunningService serve(Map<String, String> env) throws Exception {
    return ServeCommand.start(EnvironmentConfig.load(env), false, new PrintStream(new ByteArrayOutputStream()),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  @Order(1)
  void theFirstTickMaterializesHistoryAndCombinedEqualsADirectSum() throws Exception {
    ServeCommand.RunningService service = serve("PT1H");
    try {
      DemoFill.fill(DB, service, 90, 150, 30, 42, NOW);
      Ticks.tickNow(service);
      // every closed day from the first usage day to yesterday (UTC) is materialized
      assertEquals(DB.queryLong("SELECT " + TODAY + " - min(created_at AT TIME ZONE 'UTC')::date FROM usage"),
          DB.queryLong("SELECT count(*) FROM stats_daily"));
      assertCombinedEqualsDirectSum(service);
    } finally {
      service.stop();
    }
  }

  @Test
  @Order(2)
  void lateRowsAndCompletedRequestsOfYesterdayShowAfterTheNextTick() throws Exception {
    ServeCommand.RunningService service = serve("PT1H");
    try {
      String yesterdayNoon = "(" + TODAY + " - 1)::timestamptz + interval '12 hours'";
      DB.execute("INSERT INTO usage (id, user_id, request_id, provider, model, input_tokens, total_cost_usd,"
          + " status_code, status, created_at) SELECT 'late-1', id, 'late-req-1', 'openai', 'late-model', 1000, 2.5,"
          + " 200, 'completed', " + yesterdayNoon + " FROM users ORDER BY id LIMIT 1");
      DB.execute("INSERT INTO usage (id, user_id, request_id, provider, model, status, created_at)"
          + " SELECT 'late-2', id, 'late-req-2', 'openai', 'late-model', 'pending', " + yesterdayNoon
          + " + interval '1 minute' FROM users ORDER BY id LIMIT 1");
      long dayBefore = DB.queryLong("SELECT input_tokens FROM stats_daily WHERE date = (" + TODAY + " - 1)::timestamptz");
      TickResult first = Ticks.tickNow(service);
      assertTrue(first.run().isPresent(), "a tick with settle days always works: " + first);
      assertEquals(dayBefore + 1000,
          DB.queryLong("SELECT input_tokens FROM stats_daily WHERE date = (" + TODAY + " - 1)::timestamptz"));
      assertEquals(2, DB.queryLong("SELECT total_requests FROM stats_daily_model WHERE model = 'late-model'"));

      // the pending request completes
      DB.execute("UPDATE usage SET status = 'completed', status_code = 200, input_tokens = 500 WHERE id = 'late-2'");
      Ticks.tickNow(service);
      assertEquals(dayBefore + 1500,
          DB.queryLong("SELECT input_tokens FROM stats_daily WHERE date = (" + TODAY + " - 1)::timestamptz"));
      assertEquals(DB.queryLong("SELECT sum(input_tokens) FROM usage WHERE user_id = (SELECT id FROM users ORDER BY id LIMIT 1)"
              + " AND created_at >= " + TODAY + " - 1 AND created_at < " + TODAY + ""),
          DB.queryLong("SELECT input_tokens FROM stats_user_daily WHERE date = (" + TODAY + " - 1)::timestamptz"
              + " AND user_id = (SELECT id FROM users ORDER BY id LIMIT 1)"));
      assertEquals(DB.queryLong("SELECT count(*) FROM usage WHERE created_at < " + TODAY + ""),
          DB.queryLong("SELECT all_time_requests FROM stats_summary"), "the summary includes them");
      assertCombinedEqualsDirectSum(service);
    } finally {
      service.stop();
    }
  }

  @Test
  @Order(3)
  void aSummaryThreeDaysOldStillGivesGapFreeCombinedTotals() throws Exception {
    // as after three missed nights: the summary stops three days before today
    DB.execute("UPDATE stats_summary s SET cutoff_date = " + TODAY + " - 3, all_time_requests = d.r,"
        + " all_time_success_requests = d.ok, all_time_error_requests = d.e, all_time_input_tokens = d.i,"
        + " all_time_output_tokens = d.o, all_time_cache_creation_tokens = d.cc, all_time_cache_read_tokens = d.cr,"
        + " all_time_cost = d.c, all_time_actual_cost = d.a"
        + " FROM (SELECT sum(total_requests) r, sum(success_requests) ok, sum(error_requests) e, sum(input_tokens) i,"
        + " sum(output_tokens) o, sum(cache_creation_tokens) cc, sum(cache_read_tokens) cr, sum(total_cost) c,"
        + " sum(actual_total_cost) a FROM stats_daily WHERE date < " + TODAY + " - 3) d");
    assertTrue(DB.queryLong("SELECT count(*) FROM usage WHERE created_at >= " + TODAY + " - 3 AND created_at < " + TODAY + "")
        > 0, "the three days hold rows the original would drop");
    ServeCommand.RunningService service = serve("PT1H");
    try {
      service.timer().stop(); // look before any tick refreshes the summary
      assertCombinedEqualsDirectSum(service);
    } finally {
      service.stop();
    }
  }

  @Test
  @Order(4)
  void twoInstancesOnOneDatabaseTickWithoutCollisions() throws Exception {
    long runsBefore = DB.queryLong("SELECT count(*) FROM stats_rollup_runs");
    ServeCommand.RunningService one = serve("PT1S");
    ServeCommand.RunningService two = serve("PT1S");
    try {
      waitFor("several ticks", () -> DB.queryLong("SELECT count(*) FROM stats_rollup_runs") >= runsBefore + 6);
    } finally {
      one.stop();
      two.stop();
    }
    assertEquals(0, DB.queryLong("SELECT count(*) FROM stats_rollup_runs WHERE status <> 'succeeded' AND id > " + runsBefore),
        "no failed run");
    assertEquals(0, DB.queryLong("SELECT count(*) FROM stats_rollup_runs a JOIN stats_rollup_runs b ON a.id < b.id"
        + " AND a.kind = 'tick' AND b.kind = 'tick' AND a.id > " + runsBefore
        + " AND tstzrange(a.started_at, a.finished_at) && tstzrange(b.started_at, b.finished_at)"), "ticks never overlap");
    assertEquals(0, DB.queryLong("SELECT count(*) - count(DISTINCT date) FROM stats_daily"), "no duplicate day");
    assertEquals(0, DB.queryLong("SELECT count(*) - count(DISTINCT (user_id, date)) FROM stats_user_daily"));
    assertEquals(1, DB.queryLong("SELECT count(*) FROM stats_summary"));
  }

  @Test
  @Order(5)
  void theGatewaysRetentionCleanupWhileServingLeavesHistoryAsItWas() throws Exception {
    // ticks re-materialize the last 30 closed days: the retention horizon falls inside them
    Map<String, String> env = new java.util.HashMap<>(env("PT1H"));
    env.put("STATS_SETTLE_DAYS", "30");
    env.put("STATS_SETTLE_INTERVAL", "PT0S"); // every tick redoes them
    ServeCommand.RunningService service = serve(env);
    try {
      Ticks.tickNow(service);
      String history = "SELECT string_agg(date::text || ':' || total_requests || ':' || total_cost, ',' ORDER BY date)"
          + " FROM stats_daily WHERE date < " + TODAY + " - 19";
      String before = DB.queryText(history);
      long usersBefore = DB.queryLong("SELECT count(*) FROM stats_user_daily WHERE date < " + TODAY + " - 19");
      // the gateway's cleanup: everything before noon 20 days ago
      DB.execute("DELETE FROM usage WHERE created_at < (" + TODAY + " - 20)::timestamptz + interval '12 hours'");
      var result = Ticks.tickNow(service);
      assertTrue(result.run().orElseThrow().run().daysSkipped() >= 1, "the half-deleted day was protected");
      assertEquals(before, DB.queryText(history), "history before the horizon is as it was");
      assertEquals(usersBefore, DB.queryLong("SELECT count(*) FROM stats_user_daily WHERE date < " + TODAY + " - 19"));
    } finally {
      service.stop();
    }
  }

  private static void assertCombinedEqualsDirectSum(ServeCommand.RunningService service) throws Exception {
    CombinedStats c = Future.fromCompletionStage(service.app().statsQueries().combined()).await();
    assertEquals(DB.queryLong("SELECT count(*) FROM usage"), c.totals().totalRequests());
    assertEquals(DB.queryLong("SELECT count(*) FROM usage WHERE status_code >= 400 OR error_message IS NOT NULL"),
        c.totals().errorRequests());
    assertEquals(DB.queryLong("SELECT coalesce(sum(input_tokens), 0) FROM usage"), c.totals().inputTokens());
    assertEquals(DB.queryLong("SELECT coalesce(sum(output_tokens), 0) FROM usage"), c.totals().outputTokens());
    // costs are exact sums of values rounded to 1e-9 USD each: up to 0.5e-9 per row from a float sum
    double perRows = 0.5e-9 * c.totals().totalRequests();
    double cost = DB.queryDouble("SELECT coalesce(sum(total_cost_usd), 0) FROM usage");
    assertEquals(cost, c.totals().totalCost().doubleValue(), 1e-9 * Math.max(1, cost) + perRows);
    double actual = DB.queryDouble("SELECT coalesce(sum(actual_total_cost_usd), 0) FROM usage");
    assertEquals(actual, c.totals().actualTotalCost().doubleValue(), 1e-9 * Math.max(1, actual) + perRows);
    assertEquals(DB.queryLong("SELECT count(*) FROM users WHERE NOT is_deleted"), c.accounts().totalUsers());
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private static void waitFor(String what, Check check) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!check.ok()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
