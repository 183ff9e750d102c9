package dev.aether.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.bootstrap.commands.ServeCommand;
import dev.aether.stats.bootstrap.config.EnvironmentConfig;
import dev.aether.stats.testsupport.FreshDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole service over HTTP on a real database, in a non-UTC zone: a backfill started over HTTP, then
 * every statistic compared with the stored tables and with direct sums over usage.
 */
class HttpApiEndToEndTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();
  private static final String ZONE = "Asia/Shanghai";
  private static final String TOKEN = "end-to-end-token-0123456789";
  /** The service's clock: 2026-03-20 12:00 in Shanghai. */
  private static final Instant NOW = Instant.parse("2026-03-20T04:00:00Z");

  private static ServeCommand.RunningService service;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = Map.of("STATS_DATABASE_URL", MainTest.urlWithPassword(DB.url()), "STATS_HTTP_PORT", "0",
        "STATS_TIMEZONE", ZONE, "STATS_ADMIN_TOKEN", TOKEN, "STATS_ROLLUP_INTERVAL", "PT1H");
    service = ServeCommand.start(EnvironmentConfig.load(env), false, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(new ByteArrayOutputStream()), Clock.fixed(NOW, ZoneOffset.UTC));
    service.timer().stop(); // this test drives the rollup over HTTP
    // 20 days of traffic ending at the service's "now", noon in Shanghai: the first of the 20 closed days
    // holds half a day of rows whatever the wall clock says (at 23:58 it used to hold none, and 19 days
    // were written)
    DemoFill.fill(DB, service, 20, 300, 25, 42, NOW);
    http = new Http(service.port(), TOKEN);
  }

  @AfterAll
  static void stop() {
    service.stop();
  }

  @Test
  void aBackfillStartedOverHttpThenEveryFigureMatchesTheDatabase() throws Exception {
    var accepted = http.post("/api/stats/backfill", "{\"days\": 30}");
    assertEquals(202, accepted.statusCode(), accepted.body());
    long id = new JsonObject(accepted.body()).getLong("id");
    JsonObject run = awaitRun(id);
    assertEquals("succeeded", run.getString("status"), run.encode());
    assertEquals(20, run.getInteger("days_written"), run.encode());

    // combined = direct sums over every usage row
    JsonObject combined = http.getObject("/api/stats/combined");
    assertEquals(DB.queryLong("SELECT count(*) FROM usage"), combined.getLong("total_requests"));
    assertEquals(DB.queryLong("SELECT count(*) FROM usage WHERE status_code >= 400 OR error_message IS NOT NULL"),
        combined.getLong("error_requests"));
    assertEquals(DB.queryLong("SELECT sum(output_tokens) FROM usage"), combined.getLong("output_tokens"));
    assertClose(DB.queryDouble("SELECT sum(total_cost_usd) FROM usage"), combined.getDouble("total_cost"),
        combined.getLong("total_requests"));
    assertEquals(DB.queryLong("SELECT count(*) FROM users WHERE NOT is_deleted"), combined.getLong("total_users"));
    assertEquals(DB.queryLong("SELECT count(*) FROM api_keys WHERE is_active"), combined.getLong("active_api_keys"));

    // the daily series: closed days as stored, today live, every day in order
    LocalDate today = LocalDate.ofInstant(NOW, ZoneId.of(ZONE));
    LocalDate from = today.minusDays(25);
    JsonArray days = http.getArray("/api/stats/daily?from=" + from + "&to=" + today);
    int materialized = 0;
    assertEquals(26, days.size());
    for (int i = 0; i < days.size(); i++) {
      JsonObject d = days.getJsonObject(i);
      LocalDate day = from.plusDays(i);
      assertEquals(day.toString(), d.getString("date"));
      String bounds = "created_at >= '" + day + "'::timestamp AT TIME ZONE '" + ZONE + "' AND created_at < '"
          + day.plusDays(1) + "'::timestamp AT TIME ZONE '" + ZONE + "'";
      assertEquals(DB.queryLong("SELECT count(*) FROM usage WHERE " + bounds), d.getLong("total_requests"), day.toString());
      assertEquals(DB.queryLong("SELECT coalesce(sum(input_tokens), 0) FROM usage WHERE " + bounds), d.getLong("input_tokens"));
      assertClose(DB.queryDouble("SELECT coalesce(sum(actual_total_cost_usd), 0) FROM usage WHERE " + bounds),
          d.getDouble("actual_total_cost"), d.getLong("total_requests"));
      boolean stored = DB.queryLong("SELECT count(*) FROM stats_daily WHERE date = '" + day + "'::timestamp AT TIME ZONE '"
          + ZONE + "'") == 1;
      assertEquals(stored && !day.equals(today) ? "materialized" : "live", d.getString("source"), day.toString());
      materialized += stored ? 1 : 0;
    }
    assertEquals(20, materialized, "the backfill's days are read from the stats tables");

    // one user's days equal stats_user_daily
    String user = DB.queryText("SELECT user_id FROM stats_user_daily GROUP BY user_id ORDER BY sum(total_requests) DESC LIMIT 1");
    JsonArray userDays = http.getArray("/api/stats/users/" + user + "/daily?from=" + from + "&to=" + today.minusDays(1));
    assertEquals(DB.queryLong("SELECT count(*) FROM stats_user_daily WHERE user_id = '" + user + "'"), userDays.size());
    long requests = 0;
    for (Object o : userDays) {
      requests += ((JsonObject) o).getLong("total_requests");
    }
    assertEquals(DB.queryLong("SELECT sum(total_requests) FROM stats_user_daily WHERE user_id = '" + user + "'"), requests);
    assertEquals(404, http.get("/api/stats/users/no-such-user/daily?from=" + from + "&to=" + today).statusCode());

    // per model: the sum over models equals the day's total
    JsonArray models = http.getArray("/api/stats/daily/models?from=" + today.minusDays(3) + "&to=" + today.minusDays(3));
    long modelRequests = 0;
    for (Object o : models) {
      modelRequests += ((JsonObject) o).getLong("total_requests");
    }
    assertEquals(days.getJsonObject(22).getLong("total_requests"), modelRequests);

    // the summary row as stored
    JsonObject summary = http.getObject("/api/stats/summary");
    assertEquals(DB.queryLong("SELECT all_time_requests FROM stats_summary"), summary.getLong("all_time_requests"));
  }

  @Test
  void withoutTheTokenNothingIsServed() throws Exception {
    Http anonymous = new Http(service.port(), null);
    var r = anonymous.get("/api/stats/combined");
    assertEquals(401, r.statusCode());
    assertTrue(new JsonObject(r.body()).containsKey("message"));
    Http wrong = new Http(service.port(), "wrong-token-0123456789");
    assertEquals(401, wrong.get("/api/stats/today").statusCode());
    assertEquals(200, anonymous.get("/health").statusCode());
    assertEquals(200, anonymous.get("/metrics").statusCode());
    assertEquals(200, anonymous.get("/openapi.json").statusCode());
  }

  @Test
  void metricsHoldVertxServerAndPoolMetersBesideOurs() throws Exception {
    assertEquals(200, http.get("/api/stats/combined").statusCode());
    String text = new Http(service.port(), null).get("/metrics").body();
    assertTrue(text.contains("aether_stats_http_requests_total{method=\"GET\",route=\"/api/stats/combined\",status=\"200\"}"),
        text);
    // Vert.x's own meters, from the registry handed to it at start
    assertTrue(text.contains("# TYPE vertx_http_server_requests_total counter"), text);
    assertTrue(text.contains("vertx_pool_in_use{pool_name=\"aether-stats\",pool_type=\"sql\"}"), text);
    assertTrue(text.contains("# TYPE jvm_memory_used_bytes gauge"), text);
    // bounded labels only: no path or remote address on Vert.x's meters
    assertTrue(text.lines().filter(l -> l.startsWith("vertx_")).noneMatch(l -> l.contains("path=") || l.contains("remote=")),
        text);
  }

  private static JsonObject awaitRun(long id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      JsonObject run = http.getObject("/api/stats/runs/" + id);
      if (!"running".equals(run.getString("status"))) {
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run " + id + " did not finish");
  }

  /**
   * A float sum of {@code rows} costs against ours: costs are summed exactly in units of 1e-9 USD, each
   * value rounded to the nearest unit first (the stated precision), so up to 0.5e-9 USD per row apart.
   */
  private static void assertClose(double expected, double actual, long rows) {
    assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)) + 0.5e-9 * rows);
  }
}
