package dev.aether.stats.adapters.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON answers. Every answer of the API goes through here, so headers are the same everywhere. */
final class Responses {
  static final String JSON = "application/json; charset=utf-8";

  private Responses() {}

  /** {@code body} is a JsonObject or JsonArray (both encode themselves with toString). */
  static void json(RoutingContext ctx, int status, Object body) {
    HttpServerResponse response = ctx.response();
    if (!writable(response)) {
      return; // answered already (e.g. a timeout won the race) or the client has gone
    }
    response.setStatusCode(status)
        .putHeader("content-type", JSON)
        // statistics change all the time and some are private: no cache may keep them
        .putHeader("cache-control", "no-store")
        .end(body.toString());
  }

  static void error(RoutingContext ctx, ApiError error) {
    if (error.status() == 401 && writable(ctx.response())) {
      ctx.response().putHeader("www-authenticate", "Bearer realm=\"aether-stats\"");
    }
    json(ctx, error.status(), error.body());
  }

  static boolean writable(HttpServerResponse response) {
    return !response.ended() && !response.closed() && !response.headWritten();
  }
}
