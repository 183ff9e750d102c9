package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /metrics: the Prometheus text format (Micrometer's), with what the API and the bootstrap record. */
class MetricsTest extends SeededApiTest {
  private static final String COMBINED = "{method=\"GET\",route=\"/api/stats/combined\"";

  private PrometheusText scrape() {
    ApiFixture.Resp r = api.getOpen("/metrics");
    assertEquals(200, r.status());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", r.header("content-type"));
    return PrometheusText.parse(r.body());
  }

  @Test
  void theExpositionIsValidTextFormatWithJvmAndProcessMeters() {
    api.get("/api/stats/combined");
    PrometheusText m = scrape();
    assertEquals("counter", m.types.get("aether_stats_http_requests_total"));
    assertEquals("histogram", m.types.get("aether_stats_http_request_duration_seconds"));
    assertEquals("gauge", m.types.get("process_uptime_seconds"));
    assertEquals("gauge", m.types.get("process_start_time_seconds"));
    assertNotNull(m.value("process_uptime_seconds"));
    // the start time is an epoch second of this century, not milliseconds
    double start = m.value("process_start_time_seconds");
    assertTrue(start > 1.6e9 && start < 4.2e9, "process_start_time_seconds " + start);
    assertTrue(m.types.containsKey("jvm_memory_used_bytes"), "JVM meters are bound");
    assertTrue(m.types.containsKey("jvm_threads_live_threads"));
  }

  @Test
  void theReaderRefusesWhatPromtoolRefuses() {
    // the reader is only worth something if it can fail
    assertThrows(AssertionError.class, () -> PrometheusText.parse("x_total 1\n"), "sample without TYPE");
    assertThrows(AssertionError.class, () -> PrometheusText.parse("# HELP x x\n# TYPE x gauge\nx{a=\"1\"} 1\nx{a=\"1\"} 2\n"));
    assertThrows(AssertionError.class, () -> PrometheusText.parse("# HELP x x\n# TYPE x gauge\nx{a=\"1} 1\n"));
    assertThrows(AssertionError.class, () -> PrometheusText.parse(
        "# HELP lat h\n# TYPE lat histogram\nlat_bucket{le=\"1\"} 2\nlat_bucket{le=\"+Inf\"} 1\nlat_count 1\nlat_sum 1\n"));
    assertThrows(AssertionError.class, () -> PrometheusText.parse(
        "# HELP lat h\n# TYPE lat histogram\nlat_bucket{le=\"1\"} 1\nlat_bucket{le=\"+Inf\"} 2\nlat_count 3\nlat_sum 1\n"));
    // promtool's lint: what the processor binder writes unless filtered out
    assertThrows(AssertionError.class, () -> PrometheusText.parse(
        "# HELP process_cpu_time_ns_total t\n# TYPE process_cpu_time_ns_total counter\nprocess_cpu_time_ns_total 1\n"));
    assertThrows(AssertionError.class, () -> PrometheusText.parse(
        "# HELP system_cpu_count c\n# TYPE system_cpu_count gauge\nsystem_cpu_count 2\n"));
    assertThrows(AssertionError.class, () -> PrometheusText.parse("# HELP x y\n# TYPE x counter\nx 1\n"), "counter without _total");
    assertThrows(AssertionError.class, () -> PrometheusText.parse("# TYPE x_total counter\nx_total 1\n"), "no HELP");
    assertEquals(2.0, PrometheusText.parse("# HELP lat a histogram\n"
        + "# TYPE lat histogram\nlat_bucket{le=\"1\"} 1\nlat_bucket{le=\"+Inf\"} 2\nlat_count 2\nlat_sum 1\n").value("lat_count"));
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
    PrometheusText m = PrometheusText.parse(text);

    assertEquals(2.0, m.value("aether_stats_http_requests_total" + COMBINED + ",status=\"200\"}"), text);
    // user ids do not become label values: the template does
    assertEquals(2.0, m.value(
        "aether_stats_http_requests_total{method=\"GET\",route=\"/api/stats/users/{user_id}/daily\",status=\"200\"}"));
    assertEquals(1.0, m.value(
        "aether_stats_http_requests_total{method=\"GET\",route=\"/api/stats/users/{user_id}/daily\",status=\"404\"}"));
    assertFalse(text.contains("nobody"));
    assertEquals(1.0, m.value(
        "aether_stats_http_requests_total{method=\"GET\",route=\"/api/stats/today\",status=\"401\"}"));
    assertEquals(1.0, m.value("aether_stats_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}"));
    assertEquals(1.0, m.value("aether_stats_http_requests_total{method=\"DELETE\",route=\"/health\",status=\"405\"}"));
    assertFalse(text.contains("/no/such/path"));

    assertEquals(2.0, m.value("aether_stats_http_request_duration_seconds_bucket" + COMBINED + ",le=\"+Inf\"}"));
    assertEquals(2.0, m.value("aether_stats_http_request_duration_seconds_count" + COMBINED + "}"));
    double sum = m.value("aether_stats_http_request_duration_seconds_sum" + COMBINED + "}");
    assertTrue(sum > 0 && sum < 2 * ApiFixture.REQUEST_TIMEOUT_MS / 1000.0, "sum " + sum);
  }

  @Test
  void bucketsAreTheDocumentedBoundsAndCumulative() {
    for (int i = 0; i < 5; i++) {
      api.getOpen("/health");
    }
    PrometheusText m = scrape();
    String prefix = "aether_stats_http_request_duration_seconds_bucket{method=\"GET\",route=\"/health\",le=\"";
    String[] bounds = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf"};
    for (String le : bounds) {
      assertNotNull(m.value(prefix + le + "\"}"), "bucket le=" + le);
    }
    assertEquals(bounds.length, m.series.keySet().stream().filter(k -> k.startsWith(prefix)).count());
    assertEquals(5.0, m.value(prefix + "+Inf\"}"));
  }

  @Test
  void runsFromTheApiAndFromTheBootstrapAreCounted() {
    api.postJson("/api/stats/backfill", "{\"days\":5}");
    api.metrics.recordRun("tick", "succeeded", 1500);
    api.metrics.recordRun("tick", "failed", 250);
    api.metrics.recordRun("tick", "succeeded", 750);
    PrometheusText m = scrape();
    assertEquals(1.0, m.value("aether_stats_rollup_runs_total{kind=\"backfill\",outcome=\"succeeded\"}"));
    assertEquals(1.0, m.value("aether_stats_rollup_runs_total{kind=\"tick\",outcome=\"failed\"}"));
    assertEquals(2.0, m.value("aether_stats_rollup_runs_total{kind=\"tick\",outcome=\"succeeded\"}"));
    assertEquals(0.75, m.value("aether_stats_rollup_last_run_duration_seconds{kind=\"tick\"}"));
    assertEquals("gauge", m.types.get("aether_stats_rollup_last_run_duration_seconds"));
  }

  @Test
  void theAgeOfTheNewestMaterializedDayIsMeasuredAgainstTheClock() {
    assertNull(scrape().types.get("aether_stats_newest_materialized_day_age_seconds"),
        "not shown before the bootstrap reports it");
    api.metrics.recordNewestMaterializedDay(Instant.parse("2026-03-14T00:00:00Z"));
    // now is 2026-03-15T12:00Z: 36 hours later
    assertEquals(129600.0, scrape().value("aether_stats_newest_materialized_day_age_seconds"));
    api.clock.set(Instant.parse("2026-03-15T12:00:30Z"));
    assertEquals(129630.0, scrape().value("aether_stats_newest_materialized_day_age_seconds"));
    api.metrics.recordNewestMaterializedDay(Instant.parse("2026-03-15T00:00:00Z"));
    assertEquals(43230.0, scrape().value("aether_stats_newest_materialized_day_age_seconds"));
  }

  @Test
  void theAgeOfTheNewestMaterializedHourIsMeasuredAgainstTheClock() {
    assertNull(scrape().types.get("aether_stats_newest_materialized_hour_age_seconds"),
        "not shown before it is reported");
    api.metrics.recordNewestMaterializedHour(Instant.parse("2026-03-15T10:00:00Z"));
    // now is 2026-03-15T12:00Z: two hours later
    assertEquals(7200.0, scrape().value("aether_stats_newest_materialized_hour_age_seconds"));
    api.metrics.recordNewestMaterializedHour(Instant.parse("2026-03-15T11:00:00Z"));
    assertEquals(3600.0, scrape().value("aether_stats_newest_materialized_hour_age_seconds"));
  }

  @Test
  void labelValuesAreEscaped() {
    ApiMetrics m = new ApiMetrics();
    m.recordRun("we\"ird\\kind\n", "ok", 1);
    assertEquals(1.0, PrometheusText.parse(m.render())
        .value("aether_stats_rollup_runs_total{kind=\"we\\\"ird\\\\kind\\n\",outcome=\"ok\"}"), m::render);
  }
}
