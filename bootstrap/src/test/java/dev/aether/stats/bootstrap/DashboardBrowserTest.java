package dev.aether.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The dashboard in headless Chromium against serve on a real database with known rows (DashboardService):
 * sign-in, the overview's numbers, the charts, the range, a backfill, the database-down banner, and a
 * clean console with no request to any other host. One browser for the class; the tests run in order
 * because they share its session (the token stays in sessionStorage).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
  @TempDir static Path pgData;
  private static DashboardService app;
  private static DashboardBrowser browser;

  @BeforeAll
  static void start() throws Exception {
    app = DashboardService.start(pgData);
    browser = DashboardBrowser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    DashboardBrowser.closeAll(browser, app);
  }

  @Test
  @Order(1)
  void aWrongTokenIsRefusedWithAMessageThenTheRightOneSignsIn() {
    browser.driver.get(app.baseUrl());
    browser.until(d -> browser.find("#token").isDisplayed());
    browser.find("#token").sendKeys("not-the-token-0123456789");
    browser.find("#signin-submit").click();
    browser.until(d -> browser.find("#signin-message").getText().contains("refused"));
    assertFalse(browser.find("#main").isDisplayed(), "nothing is shown without the right token");
    List<String> errors = browser.consoleErrors();
    assertTrue(errors.stream().allMatch(e -> e.contains("401")), "only the refused request: " + errors);

    browser.find("#token").clear();
    browser.signIn(app.baseUrl(), DashboardService.TOKEN);
    assertEquals(DashboardService.TOKEN, browser.js("return sessionStorage.getItem('aether-stats.admin-token')"));
    assertFalse(browser.driver.getCurrentUrl().contains(DashboardService.TOKEN), "never in the URL");
    assertEquals("", browser.js("return document.cookie"), "never in a cookie");
    assertFalse(((String) browser.js("return document.documentElement.outerHTML")).contains(DashboardService.TOKEN),
        "never in the page");
  }

  @Test
  @Order(2)
  void theOverviewCardsShowTheApisNumbers() throws Exception {
    browser.until(d -> !browser.driver.findElements(By.cssSelector("[data-field='range.fallback_count'] .value[data-value]")).isEmpty());
    JsonObject today = app.http.getObject("/api/stats/today");
    JsonObject combined = app.http.getObject("/api/stats/combined");
    // by hand from the seed: today has rows i = 0..55 plus 2 pending; errors are i % 9 == 0 (7) or i % 13 == 0 (4 more)
    assertEquals(58, today.getLong("total_requests"));
    assertEquals(11, today.getLong("error_requests"));
    assertEquals(2, today.getLong("unsettled_requests"));

    assertCount("today.total_requests", today.getLong("total_requests"));
    assertCount("today.error_requests", today.getLong("error_requests"));
    assertCount("today.unsettled_requests", today.getLong("unsettled_requests"));
    assertCount("today.tokens", tokens(today));
    assertCost("today.total_cost", today.getDouble("total_cost"));
    assertCount("all.total_requests", combined.getLong("total_requests"));
    assertCount("all.error_requests", combined.getLong("error_requests"));
    assertCount("all.tokens", tokens(combined));
    assertCount("all.active_users", combined.getLong("active_users"));
    assertCount("all.active_api_keys", combined.getLong("active_api_keys"));
    assertCost("all.total_cost", combined.getDouble("total_cost"));
    assertEquals(app.query("SELECT count(*) FROM usage"), combined.getLong("total_requests"));

    JsonArray week = app.http.getArray("/api/stats/daily?from=2026-03-09&to=2026-03-15");
    long fallbacks = 0;
    for (Object o : week) {
      fallbacks += ((JsonObject) o).getLong("fallback_count");
    }
    // by hand: rows i % 10 == 0 have two attempts; days 3..9 have 32, 36, ..., 56 rows -> 4+4+4+5+5+6+6 = 34
    assertEquals(34, fallbacks);
    assertCount("range.fallback_count", fallbacks);
    assertTrue(browser.find("#today-date").getText().contains("2026-03-15"));
    assertTrue(browser.find("#meta-zone").getText().contains("UTC"), browser.find("#meta-zone").getText());
    browser.until(d -> browser.find("#meta-newest").getText().contains("2026-03-14"));
  }

  @Test
  @Order(3)
  void everyDailyChartIsDrawnWithTheRightLegend() throws Exception {
    assertChart("chart-daily", 7, List.of("Requests", "Errors"));
    assertChart("chart-cost", 7, List.of("Cost", "Actual cost"));
    assertChart("chart-tokens", 7, List.of("Input", "Output", "Cache write", "Cache read"));
    assertChart("chart-hourly", 48, List.of("Requests", "Errors"));
    // per model, most requests first, as the API counts them
    Map<String, Long> perModel = new LinkedHashMap<>();
    for (Object o : app.http.getArray("/api/stats/daily/models?from=2026-03-09&to=2026-03-15")) {
      JsonObject r = (JsonObject) o;
      perModel.merge(r.getString("model"), r.getLong("total_requests"), Long::sum);
    }
    List<String> models = new ArrayList<>(perModel.keySet());
    models.sort((a, b) -> perModel.get(b).equals(perModel.get(a)) ? a.compareTo(b) : Long.compare(perModel.get(b), perModel.get(a)));
    assertEquals(3, models.size(), models::toString);
    assertChart("chart-models", 7, models);
    // today is read live: its day is marked so in the legend while hovered, and hatched on the canvas
    Object liveDays = browser.js("return document.getElementById('chart-daily').uplot ? 1 : 0");
    assertEquals(1L, liveDays);
    assertTrue((Boolean) browser.js("const u = document.getElementById('chart-daily').uplot;"
        + " u.setCursor({left: u.valToPos(u.data[0][6], 'x'), top: 10});"
        + " return document.querySelector('#chart-daily .u-legend .u-series .u-value').textContent.includes('(live)');"),
        "the live day says so");
  }

  @Test
  @Order(4)
  void theCsvButtonSavesThePlottedSeries() throws Exception {
    browser.find("#card-daily button.csv").click();
    Path file = browser.downloads.resolve("aether-stats-daily-2026-03-09_2026-03-15.csv");
    browser.until(d -> Files.exists(file));
    List<String> lines = Files.readAllLines(file);
    assertEquals("date,source,total_requests,success_requests,error_requests,fallback_count", lines.get(0));
    JsonArray days = app.http.getArray("/api/stats/daily?from=2026-03-09&to=2026-03-15");
    assertEquals(days.size() + 1, lines.size(), lines::toString);
    for (int i = 0; i < days.size(); i++) {
      JsonObject d = days.getJsonObject(i);
      assertEquals(String.join(",", d.getString("date"), d.getString("source"), d.getLong("total_requests").toString(),
          d.getLong("success_requests").toString(), d.getLong("error_requests").toString(),
          d.getLong("fallback_count").toString()), lines.get(i + 1));
    }
    assertEquals("2026-03-15,live,58,47,11,6", lines.get(7), "by hand: today's row (i % 10 == 0 for 0..50: 6 fallbacks)");
  }

  @Test
  @Order(5)
  void theRangeSelectorChangesTheChartsAndTheFragmentByMouseAndKeyboard() {
    browser.find("[data-days='30']").click();
    // the panels load in parallel: each chart is redrawn when its own answer arrives
    browser.until(d -> browser.driver.getCurrentUrl().endsWith("#days=30")
        && "30".equals(browser.find("#chart-daily").getDomAttribute("data-points"))
        && "30".equals(browser.find("#chart-models").getDomAttribute("data-points")));
    assertEquals("true", browser.find("[data-days='30']").getDomAttribute("aria-pressed"));

    browser.js("document.getElementById('range-from').value = '2026-03-08';"
        + " document.getElementById('range-to').value = '2026-03-12';");
    browser.find("#custom-range button").click();
    browser.until(d -> browser.driver.getCurrentUrl().endsWith("#from=2026-03-08&to=2026-03-12")
        && "5".equals(browser.find("#chart-daily").getDomAttribute("data-points")));
    assertTrue(browser.find("#range-label").getText().contains("2026-03-08"));

    // keyboard only: from the 30-day button, Tab to the next one and press Enter
    browser.js("document.querySelector(\"[data-days='30']\").focus()");
    browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
    assertEquals("90", browser.driver.switchTo().activeElement().getDomAttribute("data-days"));
    browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    browser.until(d -> browser.driver.getCurrentUrl().endsWith("#days=90")
        && "90".equals(browser.find("#chart-daily").getDomAttribute("data-points")));

    browser.find("[data-days='7']").click();
    browser.until(d -> "7".equals(browser.find("#chart-daily").getDomAttribute("data-points")));
  }

  @Test
  @Order(6)
  void aBackfillStartedFromThePageIsFollowedUntilItSucceeds() throws Exception {
    browser.find("#backfill-days").clear();
    browser.find("#backfill-days").sendKeys("30");
    browser.find("#backfill-form button[type='submit']").click();
    browser.until(Duration.ofSeconds(90), d -> "succeeded".equals(browser.find("#action-status").getDomAttribute("data-status")));
    String status = browser.find("#action-status").getText();
    Matcher m = Pattern.compile("Run #(\\d+) \\(backfill").matcher(status);
    assertTrue(m.find(), status);
    JsonObject run = app.http.getObject("/api/stats/runs/" + m.group(1));
    assertEquals("backfill", run.getString("kind"));
    assertEquals("succeeded", run.getString("status"));
    assertTrue(status.contains(run.getInteger("days_written") + " day(s) written"), status);
    browser.until(d -> browser.find("#runs").getText().contains("#" + m.group(1)));
  }

  @Test
  @Order(7)
  void screenshotsAtBothSizesAndChartsFitThePhone() throws Exception {
    browser.size(1280, 800);
    browser.js("window.scrollTo(0, 0)");
    browser.until(d -> "drawn".equals(browser.find("#chart-daily").getDomAttribute("data-state")));
    assertPng(browser.screenshot("dashboard-1280x800", false));
    assertPng(browser.screenshot("dashboard-1280-full", true));

    browser.size(390, 844);
    browser.js("window.scrollTo(0, 0)");
    browser.until(d -> (Long) browser.js("return document.getElementById('chart-daily').uplot.width") <= 390);
    assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 390, "no sideways scrolling");
    assertPng(browser.screenshot("dashboard-390x844", false));
    assertPng(browser.screenshot("dashboard-390-full", true));
    browser.size(1280, 800);
    browser.until(d -> (Long) browser.js("return document.getElementById('chart-daily').uplot.width") > 390);
  }

  @Test
  @Order(8)
  void noConsoleErrorAndNoRequestToAnyOtherHost() {
    assertEquals(List.of(), browser.consoleErrors());
    List<String> urls = browser.requestedUrls();
    assertTrue(urls.stream().anyMatch(u -> u.contains("/assets/uplot/uPlot.esm.js")), urls::toString);
    for (String url : urls) {
      // only http(s) and web sockets leave the browser; chrome:, chrome-untrusted: (its new-tab page, which
      // Chromium 150 loads at start), data: and about: URLs are the browser's own, never sent anywhere
      boolean network = url.matches("(?i)(https?|wss?)://.*");
      assertTrue(!network || url.startsWith(app.baseUrl()) || url.startsWith("blob:" + app.baseUrl()),
          "only the service is asked: " + url);
    }
  }

  @Test
  @Order(9)
  void theDatabaseDownBannerComesWithinOneRefreshAndGoesWhenItIsBack() throws Exception {
    int refreshSeconds = 2;
    browser.driver.get(app.baseUrl() + "?refresh=" + refreshSeconds + "#days=7");
    browser.until(d -> browser.find("#main").isDisplayed() && !browser.find("#banner").isDisplayed()
        && browser.find("#meta-updated").getText().startsWith("updated"));
    app.stopDatabase();
    try {
      // one refresh period, plus /health's own bound (3 s) and a margin
      browser.until(Duration.ofSeconds(refreshSeconds + 3 + 5), d -> browser.find("#banner").isDisplayed());
    } finally {
      app.restartDatabase();
    }
    browser.until(Duration.ofSeconds(60), d -> !browser.find("#banner").isDisplayed());
    List<String> errors = browser.consoleErrors();
    assertTrue(errors.stream().allMatch(e -> e.contains("503")), "only the refused requests: " + errors);
  }

  // ---------------------------------------------------------------- helpers

  private static long tokens(JsonObject t) {
    return t.getLong("input_tokens") + t.getLong("output_tokens") + t.getLong("cache_creation_tokens")
        + t.getLong("cache_read_tokens");
  }

  private static void assertCount(String field, long expected) {
    String css = "[data-field='" + field + "'] .value";
    browser.until(d -> String.valueOf(expected).equals(browser.find(css).getDomAttribute("data-value")));
    assertEquals(NumberFormat.getIntegerInstance(Locale.US).format(expected), browser.find(css).getText(), field);
  }

  private static void assertCost(String field, double expected) {
    String css = "[data-field='" + field + "'] .value";
    browser.until(d -> browser.find(css).getDomAttribute("data-value") != null);
    assertEquals(expected, Double.parseDouble(browser.find(css).getDomAttribute("data-value")), 0, field);
    String text = browser.find(css).getText();
    assertTrue(text.startsWith("$"), text);
    assertEquals(expected, Double.parseDouble(text.substring(1).replace(",", "")), 0.005, field + ": " + text);
  }

  /**
   * Drawn (enough saturated pixels on the canvas: axes and grid are grey), {@code points} points, and the
   * legend names {@code series} in order after the x series.
   */
  @SuppressWarnings("unchecked")
  private static void assertChart(String id, int points, List<String> series) {
    browser.until(d -> String.valueOf(points).equals(browser.find("#" + id).getDomAttribute("data-points")));
    List<String> legend = (List<String>) browser.js("return [...document.querySelectorAll('#" + id
        + " .u-legend .u-series .u-label')].map(e => e.textContent)");
    assertEquals(series, legend.subList(1, legend.size()), id);
    long colored = (Long) browser.js("const u = document.getElementById(arguments[0]).uplot;"
        + " const c = u.ctx.canvas; const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        + " let n = 0; for (let i = 0; i < px.length; i += 4) {"
        + "   if (px[i + 3] > 200 && Math.max(px[i], px[i + 1], px[i + 2]) - Math.min(px[i], px[i + 1], px[i + 2]) > 60) n++; }"
        + " return n;", id);
    assertTrue(colored > 200, id + " is not blank: " + colored + " coloured pixels");
  }

  private static void assertPng(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    assertTrue(bytes.length > 10_000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', file.toString());
  }
}
