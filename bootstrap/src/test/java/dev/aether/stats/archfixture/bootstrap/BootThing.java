package dev.aether.stats.archfixture.bootstrap;

/** Fixture: bootstrap building a vertx-web Router itself (breaks onlyHttpAdapterTouchesWeb). */
public class BootThing {
  public Object routes(io.vertx.core.Vertx vertx) {
    return io.vertx.ext.web.Router.router(vertx);
  }
}
