package dev.aether.stats.adapters.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Feeds every HTTP request into {@link ApiMetrics}, and serves GET /metrics. */
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
