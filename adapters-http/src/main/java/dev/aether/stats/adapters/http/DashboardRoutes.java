package dev.aether.stats.adapters.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The dashboard: one page at {@code /}, its scripts and styles under {@code /dashboard/}, uPlot from its
 * WebJar under {@code /assets/uplot/}, all read from the classpath (no CDN: the page works offline). The page
 * loads without a token: it asks for the admin token itself and sends it as a bearer header to {@code /api}.
 * These routes match every method, so they stay out of the API's route table and its OpenAPI document, and
 * refuse all but GET. A missing asset falls through to the API's JSON 404.
 */
final class DashboardRoutes {
  /** Must match uplot.version in the parent pom; a test reads the WebJar at this path. */
  static final String UPLOT_ROOT = "META-INF/resources/webjars/uplot/1.6.30/dist";
  static final String WEB_ROOT = "aether-dashboard";

  /**
   * Scripts and styles only from this service and only as files (no inline script, style element or style
   * attribute), fetches only to it, never framed, no plugins, no base-URI or form tricks.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none';"
      + " frame-ancestors 'none'";

  void register(Router router) {
    secured(router, "/").handler(ctx -> ctx.response()
        .putHeader("content-type", "text/html; charset=utf-8")
        // small, and it names no versioned asset: revalidate every time so an upgrade shows at once
        .putHeader("cache-control", "no-cache")
        .sendFile(WEB_ROOT + "/index.html"));
    secured(router, "/dashboard/*").handler(StaticHandler.create(WEB_ROOT)
        .setDirectoryListing(false).setMaxAgeSeconds(60).setDefaultContentEncoding("UTF-8"));
    secured(router, "/assets/uplot/*").handler(StaticHandler.create(UPLOT_ROOT)
        .setDirectoryListing(false).setMaxAgeSeconds(86_400).setDefaultContentEncoding("UTF-8"));
  }

  private static Route secured(Router router, String path) {
    return router.route(path).handler(DashboardRoutes::headers);
  }

  private static void headers(RoutingContext ctx) {
    if (ctx.request().method() != HttpMethod.GET) {
      ctx.response().putHeader("allow", "GET");
      throw new ApiError(405, "method_not_allowed",
          ctx.request().method().name() + " is not allowed on " + Text.quote(ctx.request().path()) + "; allowed: GET");
    }
    ctx.response()
        .putHeader("content-security-policy", CONTENT_SECURITY_POLICY)
        .putHeader("x-content-type-options", "nosniff")
        .putHeader("referrer-policy", "no-referrer")
        .putHeader("x-frame-options", "DENY");
    ctx.next();
  }
}
