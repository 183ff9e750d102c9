package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** GET /metrics: the Prometheus text format, with what the API and the bootstrap record. */
class MetricsTest extends SeededApiTest {
  private static final Pattern SAMPLE = Pattern.compile(
      "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\.)*\",?)*})? "
          + "(-?[0-9.]+([eE][-+]?[0-9]+)?|[+-]Inf|NaN)");

  @Test
  void everyLineIsACommentOrASample() {
    api.get("/api/stats/combined");
    ApiFixture.Resp r = api.getOpen("/metrics");
    assertEquals(200, r.status());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", r.header("content-type"));
    assertTrue(r.body().endsWith("\n"));
    for (String line : r.body().split("\n")) {
      assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ") || SAMPLE.matcher(line).matches(),
          "not a valid line: " + line);
    }
  }

  @Test
  void requestsAreCountedByRouteTemplateAndStatus() {
    api.get("/api/stats/combined");
    api.get("/api/stats/combined");
    api.get("/api/stats/users/u1/daily?from=2026-03-13&to=2026-03-14");
    api.get("/api/stats/users/u2/daily?from=2026-03-13&to=2026-03-14");
    api.get("/api/stats/users/nobody/daily?from=2026-03-13&to=2026-03-14");
    api.getOpen("/api/stats/today");
    api.getOpen("/no/such/path/42");
    api.send(HttpMethod.DELETE, "/health", Map.of(), null);
    String text = api.getOpen("/metrics").body();

    assertTrue(text.contains("# TYPE aether_stats_http_requests_total counter\n"));
    assertTrue(text.contains(
        "aether_stats_http_requests_total{method=\"GET\",route=\"/api/stats/combined\",status=\"200\"} 2\n"), text);
    // user ids do not become label values: the template does
    assertTrue(text.contains(
        "aether_stats_http_requests_total{method=\"GET\",route=\"/api/stats/users/{user_id}/daily\",status=\"200\"} 2\n"),
        text);
    assertTrue(text.contains(
        "aether_stats_http_requests_total{method=\"GET\",route=\"/api/stats/users/{user_id}/daily\",status=\"404\"} 1\n"),
        text);
    assertFalse(text.contains("nobody"));
    assertTrue(text.contains(
        "aether_stats_http_requests_total{method=\"GET\",route=\"/api/stats/today\",status=\"401\"} 1\n"), text);
    assertTrue(text.contains(
        "aether_stats_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1\n"), text);
    assertTrue(text.contains(
        "aether_stats_http_requests_total{method=\"DELETE\",route=\"/health\",status=\"405\"} 1\n"), text);
    assertFalse(text.contains("/no/such/path"));

    assertTrue(text.contains("# TYPE aether_stats_http_request_duration_seconds histogram\n"));
    assertTrue(text.contains(
        "aether_stats_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/stats/combined\",le=\"+Inf\"} 2\n"),
        text);
    assertTrue(text.contains(
        "aether_stats_http_request_duration_seconds_count{method=\"GET\",route=\"/api/stats/combined\"} 2\n"), text);
    assertTrue(text.contains("aether_stats_http_request_duration_seconds_sum{method=\"GET\",route=\"/api/stats/combined\"} "));
    assertTrue(text.contains("process_uptime_seconds "));
    assertTrue(text.contains("process_start_time_seconds "));
  }

  @Test
  void bucketsAreCumulative() {
    for (int i = 0; i < 5; i++) {
      api.getOpen("/health");
    }
    String text = api.getOpen("/metrics").body();
    long previous = 0;
    int buckets = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("aether_stats_http_request_duration_seconds_bucket{method=\"GET\",route=\"/health\"")) {
        long n = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        assertTrue(n >= previous, line);
        previous = n;
        buckets++;
      }
    }
    assertEquals(12, buckets);
    assertEquals(5, previous);
  }

  @Test
  void runsFromTheApiAndFromTheBootstrapAreCounted() {
    api.postJson("/api/stats/backfill", "{\"days\":5}");
    api.metrics.recordRun("tick", "succeeded", 1500);
    api.metrics.recordRun("tick", "failed", 250);
    api.metrics.recordRun("tick", "succeeded", 750);
    String text = api.getOpen("/metrics").body();
    assertTrue(text.contains("aether_stats_rollup_runs_total{kind=\"backfill\",outcome=\"succeeded\"} 1\n"), text);
    assertTrue(text.contains("aether_stats_rollup_runs_total{kind=\"tick\",outcome=\"failed\"} 1\n"), text);
    assertTrue(text.contains("aether_stats_rollup_runs_total{kind=\"tick\",outcome=\"succeeded\"} 2\n"), text);
    assertTrue(text.contains("aether_stats_rollup_last_run_duration_seconds{kind=\"tick\"} 0.75\n"), text);
  }

  @Test
  void theAgeOfTheNewestMaterializedDayIsMeasuredAgainstTheClock() {
    assertFalse(api.getOpen("/metrics").body().contains("aether_stats_newest_materialized_day_age_seconds"),
        "not shown before the bootstrap reports it");
    api.metrics.recordNewestMaterializedDay(Instant.parse("2026-03-14T00:00:00Z"));
    // now is 2026-03-15T12:00Z: 36 hours later
    assertTrue(api.getOpen("/metrics").body().contains("aether_stats_newest_materialized_day_age_seconds 129600\n"));
    api.clock.set(Instant.parse("2026-03-15T12:00:30Z"));
    assertTrue(api.getOpen("/metrics").body().contains("aether_stats_newest_materialized_day_age_seconds 129630\n"));
  }

  @Test
  void theAgeOfTheNewestMaterializedHourIsMeasuredAgainstTheClock() {
    assertFalse(api.getOpen("/metrics").body().contains("aether_stats_newest_materialized_hour_age_seconds"),
        "not shown before it is reported");
    api.metrics.recordNewestMaterializedHour(Instant.parse("2026-03-15T10:00:00Z"));
    // now is 2026-03-15T12:00Z: two hours later
    assertTrue(api.getOpen("/metrics").body().contains("aether_stats_newest_materialized_hour_age_seconds 7200\n"));
  }

  @Test
  void labelValuesAreEscaped() {
    ApiMetrics m = new ApiMetrics();
    m.recordRun("we\"ird\\kind\n", "ok", 1);
    assertTrue(m.render().contains("aether_stats_rollup_runs_total{kind=\"we\\\"ird\\\\kind\\n\",outcome=\"ok\"} 1\n"),
        m.render());
  }
}
