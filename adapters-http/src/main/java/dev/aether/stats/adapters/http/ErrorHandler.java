package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.api.RunAlreadyRunningException;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * The router's failure handler: every failed request (a thrown {@link ApiError}, a use case failure, a
 * Vert.x handler failing with a status) is answered with {"error","message"} as JSON. Stack traces go to
 * the server log for unexpected failures only, never to the caller. {@link #installLastResort} covers the
 * case where this handler itself fails, so Vert.x's default HTML/text error pages never show.
 */
final class ErrorHandler implements Handler<RoutingContext> {
  private static final System.Logger LOG = System.getLogger(ErrorHandler.class.getName());
  private static final String LAST_RESORT_BODY =
      "{\"error\":\"internal_error\",\"message\":\"the server failed to answer; the cause is in its log\"}";

  private final RouteTable routes;
  private final Duration timeout;

  ErrorHandler(RouteTable routes, Duration timeout) {
    this.routes = routes;
    this.timeout = timeout;
  }

  @Override
  public void handle(RoutingContext ctx) {
    try {
      ApiError error = errorOf(ctx);
      log(ctx, error);
      if (error.status() == 405 && Responses.writable(ctx.response())) {
        String allow = routes.allow(ctx.normalizedPath());
        if (allow != null) {
          ctx.response().putHeader("allow", allow);
        }
      }
      if (ctx.failure() != null && Failures.unwrap(ctx.failure()) instanceof RunAlreadyRunningException running
          && Responses.writable(ctx.response())) {
        // where to follow the run that is in the way
        ctx.response().putHeader("location", "/api/stats/runs/" + running.runningRunId());
      }
      Responses.error(ctx, error);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "failure handler failed", e);
      lastResort(ctx, 500);
    }
  }

  private ApiError errorOf(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status = ctx.statusCode();
    if (failure == null) {
      return ApiError.forStatus(status);
    }
    Throwable cause = Failures.unwrap(failure);
    if (!(cause instanceof ApiError) && status >= 400 && status < 500) {
      // a Vert.x handler that failed with a client-error status and a cause (e.g. a decoding error)
      return ApiError.forStatus(status);
    }
    return Failures.classify(cause, timeout);
  }

  private static void log(RoutingContext ctx, ApiError error) {
    String where = ctx.request().method().name() + " " + Text.quote(ctx.request().path());
    if (error.status() >= 500 && error.status() != 503) {
      LOG.log(Level.ERROR, "answered " + error.status() + " to " + where, ctx.failure());
    } else if (error.status() == 503) {
      Throwable cause = ctx.failure() == null ? null : Failures.unwrap(ctx.failure());
      LOG.log(Level.WARNING, "answered 503 to " + where + ": "
          + (cause == null ? "" : cause.getClass().getSimpleName() + ": " + Failures.oneLine(cause.getMessage(), "")));
    }
  }

  /** Router-level handlers for every error status: reached only when the failure handler did not answer. */
  static void installLastResort(Router router) {
    for (int status = 400; status < 600; status++) {
      int code = status;
      router.errorHandler(code, ctx -> lastResort(ctx, code));
    }
  }

  private static void lastResort(RoutingContext ctx, int status) {
    try {
      if (!Responses.writable(ctx.response())) {
        return;
      }
      Responses.error(ctx, ApiError.forStatus(status));
    } catch (RuntimeException e) {
      // building the answer failed too: a constant body, written as directly as possible
      try {
        if (Responses.writable(ctx.response())) {
          ctx.response().setStatusCode(500).putHeader("content-type", Responses.JSON).end(LAST_RESORT_BODY);
        }
      } catch (RuntimeException ignored) {
        ctx.response().reset();
      }
    }
  }
}
