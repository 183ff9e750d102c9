package dev.aether.stats.adapters.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes JSON answers (and lists as CSV when asked, 406 when neither is acceptable). Every answer of the API goes through here, so
 * headers are the same everywhere.
 */
final class Responses {
  static final String JSON = "application/json; charset=utf-8";

  private Responses() {}

  /**
   * {@code body} is a JsonObject or JsonArray (both encode themselves with toString), or one already
   * encoded by {@link SharedRendering}. A list (a JsonArray
   * of objects) is written as CSV instead when the client's Accept header prefers text/csv.
   */
  static void json(RoutingContext ctx, int status, Object body) {
    HttpServerResponse response = ctx.response();
    if (!writable(response)) {
      return; // answered already (e.g. a timeout won the race) or the client has gone
    }
    String encoded = null;
    if (body instanceof SharedRendering.Rendered rendered) {
      encoded = rendered.json();
      body = rendered.view();
    }
    String contentType = JSON;
    if (body instanceof JsonArray rows && status < 300 && Csv.fits(rows)) {
      response.putHeader("vary", "Accept");
      String view = ContentNegotiation.listView(ctx);
      if (view == null) {
        error(ctx, ApiError.notAcceptable("this list is answered as application/json or text/csv; "
            + "the Accept header allows neither"));
        return;
      }
      if (view.equals(Csv.CONTENT_TYPE)) {
        contentType = Csv.CONTENT_TYPE;
        body = Csv.of(rows);
      }
    }
    response.setStatusCode(status)
        .putHeader("content-type", contentType)
        // statistics change all the time and some are private: no cache may keep them
        .putHeader("cache-control", "no-store");
    if (encoded != null && contentType.equals(JSON)) {
      response.end(encoded);
    } else {
      response.end(bytes(body));
    }
  }

  /** JSON straight to UTF-8 bytes (no intermediate String: a month of hourly model rows is 1.75 MB). */
  private static Buffer bytes(Object body) {
    if (body instanceof JsonArray a) {
      return a.toBuffer();
    }
    if (body instanceof JsonObject o) {
      return o.toBuffer();
    }
    return Buffer.buffer(body.toString());
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
