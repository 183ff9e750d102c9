package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.api.CheckHealth;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** GET /health: 200 when the database answers, 503 when it does not, JSON either way, never hangs. */
final class HealthHandler implements Handler<RoutingContext> {
  private final CheckHealth health;
  private final Duration timeout;

  HealthHandler(CheckHealth health, Duration timeout) {
    this.health = health;
    this.timeout = timeout;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ping(ctx).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).onComplete(ar -> {
      if (ar.succeeded()) {
        Responses.json(ctx, 200, new JsonObject().put("status", "UP").put("database", "UP"));
      } else {
        Responses.json(ctx, 503, new JsonObject().put("status", "DOWN").put("database", "DOWN")
            .put("error", "database_unavailable")
            .put("message", "the database does not answer"));
      }
    });
  }

  /** A ping that throws or returns null counts as a failed ping, not as a broken handler. */
  private Future<Void> ping(RoutingContext ctx) {
    try {
      CompletionStage<Void> stage = health.check();
      return stage == null
          ? Future.failedFuture("no stage")
          : Future.fromCompletionStage(stage, ctx.vertx().getOrCreateContext());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
