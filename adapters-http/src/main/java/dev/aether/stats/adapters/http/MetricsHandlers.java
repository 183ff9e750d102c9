package dev.aether.stats.adapters.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Feeds every HTTP request into {@link ApiMetrics}, and serves GET /metrics.
 *
 * <p>Why our own recorder beside Vert.x's HTTP server metrics (vertx_http_server_*, also in the registry
 * when {@code serve} runs): ours label a request with the route template as the API documents it
 * ({@code /api/stats/users/{user_id}/daily}, or "unmatched"), including requests refused before any route
 * ran (401, 404, 405), under the metric names the README promises. Vert.x's route label is its own path
 * syntax and only exists for routed requests.
 */
final class MetricsHandlers {
  private final ApiMetrics metrics;
  private final RouteTable routes;

  MetricsHandlers(ApiMetrics metrics, RouteTable routes) {
    this.metrics = metrics;
    this.routes = routes;
  }

  /** First handler of every request: times it and counts it by route template once the answer is sent. */
  Handler<RoutingContext> recorder() {
    return ctx -> {
      long start = System.nanoTime();
      String method = ctx.request().method().name();
      ctx.addEndHandler(ignored -> metrics.recordHttp(method, routes.label(ctx.normalizedPath()),
          ctx.response().getStatusCode(), System.nanoTime() - start));
      ctx.next();
    };
  }

  /** GET /metrics (no auth: scrapers rarely carry tokens, and nothing here is secret). */
  Handler<RoutingContext> exposition() {
    return ctx -> {
      ctx.response().putHeader("content-type", ApiMetrics.CONTENT_TYPE).putHeader("cache-control", "no-store")
          .end(metrics.render());
    };
  }
}
