package dev.aether.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's panels on the analytics endpoints (hourly, leaderboards, latency percentiles, errors):
 * they pass once those endpoints are served; before that the page says "not available" (DashboardBrowserTest
 * checks that such a page logs no console error).
 */
class DashboardAnalyticsBrowserTest {
  @TempDir static Path pgData;
  private static DashboardService app;
  private static DashboardBrowser browser;

  @BeforeAll
  static void start() throws Exception {
    app = DashboardService.start(pgData);
    browser = DashboardBrowser.start();
    browser.signIn(app.baseUrl(), DashboardService.TOKEN);
  }

  @AfterAll
  static void stop() throws Exception {
    DashboardBrowser.closeAll(browser, app);
  }

  /** Fails at once, saying which endpoint is missing, instead of waiting for a panel that says "not available". */
  private static void requireServed(String path) throws Exception {
    int status = app.http.get(path).statusCode();
    assertEquals(200, status, "GET " + path + " answers " + status + ": this test needs that endpoint merged");
  }

  @Test
  void theHourlyChartHas48PointsAsTheApiCountsThem() throws Exception {
    requireServed("/api/stats/hourly?from=2026-03-13T13:00:00Z&to=2026-03-15T13:00:00Z");
    browser.until(d -> "48".equals(browser.find("#chart-hourly").getDomAttribute("data-points")));
    JsonArray hours = app.http.getArray("/api/stats/hourly?from=2026-03-13T13:00:00Z&to=2026-03-15T13:00:00Z");
    assertEquals(48, hours.size());
    long apiTotal = 0;
    for (Object o : hours) {
      apiTotal += ((JsonObject) o).getLong("total_requests");
    }
    // by hand: [2026-03-13T13:00, 03-15T13:00) holds none of 03-13 (its 48 rows end at 07:50), all 52 rows
    // of 03-14 and the 56 + 2 pending rows of 03-15 (the last at 10:10)
    assertEquals(52 + 58, apiTotal);
    long shown = (Long) browser.js("const u = document.getElementById('chart-hourly').uplot;"
        + " return u.data[1].reduce((a, b) => a + b, 0);");
    assertEquals(apiTotal, shown);
    @SuppressWarnings("unchecked")
    List<String> legend = (List<String>) browser.js(
        "return [...document.querySelectorAll('#chart-hourly .u-legend .u-series .u-label')].map(e => e.textContent)");
    assertEquals(List.of("Hour", "Requests", "Errors"), legend);
  }

  @Test
  void aLeaderboardSortsByTheChosenMetric() throws Exception {
    requireServed("/api/stats/leaderboard/users?from=2026-03-09&to=2026-03-15");
    browser.until(d -> "drawn".equals(browser.find("#leaderboard").getDomAttribute("data-state")));
    new Select(browser.find("#board-metric")).selectByValue("cost");
    browser.until(d -> "cost".equals(browser.find("#leaderboard").getDomAttribute("data-metric")));
    JsonArray api = app.http.getArray("/api/stats/leaderboard/users?from=2026-03-09&to=2026-03-15&metric=cost&limit=10&offset=0");
    List<String> expected = new ArrayList<>();
    for (Object o : api) {
      JsonObject r = (JsonObject) o;
      expected.add(r.getString("name") == null ? r.getString("id") : r.getString("name"));
    }
    assertEquals(3, expected.size(), expected::toString);
    @SuppressWarnings("unchecked")
    List<String> names = (List<String>) browser.js(
        "return [...document.querySelectorAll('#leaderboard tbody td.name')].map(e => e.textContent)");
    assertEquals(expected, names);
    @SuppressWarnings("unchecked")
    List<String> costs = (List<String>) browser.js(
        "return [...document.querySelectorAll('#leaderboard tbody td.metric')].map(e => e.textContent)");
    for (int i = 1; i < costs.size(); i++) {
      assertTrue(Double.parseDouble(costs.get(i - 1).replaceAll("[$,]", "")) >= Double.parseDouble(costs.get(i).replaceAll("[$,]", "")),
          "sorted by cost: " + costs);
    }
  }

  @Test
  void latencyPercentilesByModelAndByProvider() throws Exception {
    requireServed("/api/stats/latency?from=2026-03-09&to=2026-03-15&by=model");
    browser.until(d -> "drawn".equals(browser.find("#latency").getDomAttribute("data-state")));
    JsonArray byModel = app.http.getArray("/api/stats/latency?from=2026-03-09&to=2026-03-15&by=model");
    List<String> keys = new ArrayList<>();
    for (Object o : byModel) {
      keys.add(((JsonObject) o).getString("key"));
    }
    assertEquals(3, keys.size(), keys::toString);
    browser.until(d -> keys.equals(browser.js(
        "return [...document.querySelectorAll('#latency tbody td.name')].map(e => e.textContent)")));
    browser.find("[data-latency='provider']").click();
    browser.until(d -> List.of("anthropic", "openai").equals(((List<?>) browser.js(
        "return [...document.querySelectorAll('#latency tbody td.name')].map(e => e.textContent).sort()"))));
    browser.until(d -> browser.find("[data-field='range.response_p99_ms'] .value").getDomAttribute("data-value") != null);
  }
}
