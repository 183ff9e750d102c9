package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's page and assets: served from the classpath without a token, with the security headers,
 * nothing inline for the CSP to allow, only GET; the API behind it unchanged; off means 404.
 */
class DashboardRoutesTest {
  private static ApiFixture api;
  private static AdminHttpServer withDashboard;

  @BeforeAll
  static void start() {
    api = ApiFixture.start();
    AdminApi.Dependencies deps = new AdminApi.Dependencies(() -> CompletableFuture.completedFuture(null),
        api.gateway.ports().queries(api.calendar), api.gateway.ports().rollupService(api.calendar, 7),
        new dev.aether.stats.domain.usecase.RunHistory(api.gateway.ports().runLog()), api.calendar, ApiFixture.TOKEN, 366, new ApiMetrics(), Duration.ofSeconds(2),
        api.hourlyQueries(), api.gateway.analyticsPorts().queries(api.gateway.ports(), api.hourlyQueries(),
            api.calendar));
    withDashboard = ApiFixture.await(Future.fromCompletionStage(
        AdminHttpServer.start(api.vertx, "127.0.0.1", 0, new AdminApi(deps, true))));
  }

  @AfterAll
  static void stop() {
    ApiFixture.await(Future.fromCompletionStage(withDashboard.close()));
    api.close();
  }

  private static HttpResponse<Buffer> send(HttpMethod method, String path) {
    return ApiFixture.await(api.client.request(method, withDashboard.port(), "127.0.0.1", path)
        .timeout(ApiFixture.REQUEST_TIMEOUT_MS).send());
  }

  private static void assertSecurityHeaders(HttpResponse<Buffer> r, String path) {
    String csp = r.getHeader("content-security-policy");
    assertNotNull(csp, path);
    assertTrue(csp.contains("script-src 'self'"), csp);
    assertTrue(csp.contains("style-src 'self'"), csp);
    assertTrue(csp.contains("connect-src 'self'"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(csp.contains("default-src 'none'"), csp);
    assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
    assertEquals("nosniff", r.getHeader("x-content-type-options"), path);
    assertEquals("no-referrer", r.getHeader("referrer-policy"), path);
  }

  @Test
  void thePageLoadsWithoutATokenWithTheSecurityHeaders() {
    HttpResponse<Buffer> page = send(HttpMethod.GET, "/");
    assertEquals(200, page.statusCode());
    assertTrue(page.getHeader("content-type").startsWith("text/html"), page.getHeader("content-type"));
    assertSecurityHeaders(page, "/");
    String html = page.bodyAsString();
    assertTrue(html.contains("<script type=\"module\" src=\"/dashboard/js/app.js\"></script>"), "an external module");
    assertTrue(html.contains("href=\"/assets/uplot/uPlot.min.css\""), "uPlot's style sheet from the WebJar");
  }

  @Test
  void scriptsStylesAndUplotAreServedFromTheJar() {
    for (String path : List.of("/dashboard/js/app.js", "/dashboard/js/charts.js", "/dashboard/app.css",
        "/dashboard/favicon.svg", "/assets/uplot/uPlot.esm.js", "/assets/uplot/uPlot.min.css")) {
      HttpResponse<Buffer> r = send(HttpMethod.GET, path);
      assertEquals(200, r.statusCode(), path);
      assertSecurityHeaders(r, path);
      String type = r.getHeader("content-type");
      String expected = path.endsWith(".js") ? "text/javascript" : path.endsWith(".css") ? "text/css" : "image/svg+xml";
      assertTrue(type.startsWith(expected) || (expected.equals("text/javascript") && type.startsWith("application/javascript")),
          path + ": " + type);
    }
    assertTrue(send(HttpMethod.GET, "/assets/uplot/uPlot.esm.js").bodyAsString().contains("export { uPlot as default }"),
        "the ES module build of uPlot");
  }

  @Test
  void theWebJarIsWhereTheRoutesLookForIt() throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(DashboardRoutes.UPLOT_ROOT + "/uPlot.esm.js")) {
      assertNotNull(in, "uplot.version in the parent pom and DashboardRoutes.UPLOT_ROOT differ");
    }
  }

  @Test
  void nothingInlineForTheContentSecurityPolicyToAllow() throws Exception {
    String html = resource("index.html");
    assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)", Pattern.CASE_INSENSITIVE).matcher(html).find(), "inline script");
    assertFalse(Pattern.compile("<style", Pattern.CASE_INSENSITIVE).matcher(html).find(), "style element");
    assertFalse(Pattern.compile("\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
        "style or event-handler attribute");
    assertFalse(Pattern.compile("https?://").matcher(html.replaceAll("xmlns=\"[^\"]*\"", "")).find(), "no other host");
    for (String js : List.of("app.js", "api.js", "charts.js", "csv.js", "format.js", "range.js", "views.js")) {
      String code = resource("js/" + js);
      assertFalse(code.contains("innerHTML") || code.contains("eval(") || code.contains("new Function"), js);
      assertFalse(Pattern.compile("import[^;]*https?://").matcher(code).find(), js + " imports from another host");
      assertFalse(code.contains("localStorage") || code.contains("document.cookie"), js + ": the token stays in sessionStorage");
    }
  }

  @Test
  void onlyGetAndAMissingAssetIsTheApisJson404() {
    HttpResponse<Buffer> post = send(HttpMethod.POST, "/");
    assertEquals(405, post.statusCode());
    assertEquals("GET", post.getHeader("allow"));
    assertTrue(post.bodyAsString().contains("\"method_not_allowed\""), post.bodyAsString());
    HttpResponse<Buffer> missing = send(HttpMethod.GET, "/dashboard/js/nope.js");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.bodyAsString().contains("\"not_found\""), missing.bodyAsString());
    assertEquals(404, send(HttpMethod.GET, "/assets/uplot/../../../../META-INF/MANIFEST.MF").statusCode());
  }

  @Test
  void theApiStillNeedsItsTokenAndTheDashboardCanBeOff() {
    assertEquals(401, send(HttpMethod.GET, "/api/stats/today").statusCode());
    HttpResponse<Buffer> withToken = ApiFixture.await(api.client.get(withDashboard.port(), "127.0.0.1", "/api/stats/today")
        .putHeader("Authorization", "Bearer " + ApiFixture.TOKEN).send());
    assertEquals(200, withToken.statusCode());
    // the fixture's API is built without the dashboard
    Expect.error(api.getOpen("/"), 404, "not_found", "no such resource");
    Expect.error(api.getOpen("/dashboard/js/app.js"), 404, "not_found", "no such resource");
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = DashboardRoutesTest.class.getClassLoader()
        .getResourceAsStream(DashboardRoutes.WEB_ROOT + "/" + name)) {
      assertNotNull(in, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
