package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.port.PingDatabase;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/** GET /health: 200 when the database answers, 503 when it does not, JSON either way, never hangs. */
final class HealthHandler implements Handler<RoutingContext> {
  private final PingDatabase database;
  private final Duration timeout;

  HealthHandler(PingDatabase database, Duration timeout) {
    this.database = database;
    this.timeout = timeout;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Future.fromCompletionStage(database.ping(), ctx.vertx().getOrCreateContext())
        .timeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .onComplete(ar -> {
          if (ctx.response().ended()) {
            return;
          }
          if (ar.succeeded()) {
            ctx.response().setStatusCode(200).putHeader("content-type", "application/json")
                .end(new JsonObject().put("status", "UP").put("database", "UP").encode());
          } else {
            ctx.response().setStatusCode(503).putHeader("content-type", "application/json")
                .end(new JsonObject().put("status", "DOWN").put("database", "DOWN")
                    .put("error", "database_unavailable")
                    .put("message", "the database does not answer").encode());
          }
        });
  }
}
