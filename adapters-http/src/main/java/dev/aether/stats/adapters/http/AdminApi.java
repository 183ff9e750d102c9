package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.port.PingDatabase;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Duration;

/** The admin HTTP API: its dependencies, and the router built on them. */
public final class AdminApi {
  private final PingDatabase database;

  public AdminApi(PingDatabase database) {
    this.database = database;
  }

  Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.get("/health").handler(new HealthHandler(database, Duration.ofSeconds(3)));
    return router;
  }
}
