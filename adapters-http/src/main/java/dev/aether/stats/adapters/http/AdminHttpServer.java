package dev.aether.stats.adapters.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.CompletionStage;

/** The listening admin HTTP server. */
public final class AdminHttpServer {
  private final HttpServer server;

  private AdminHttpServer(HttpServer server) {
    this.server = server;
  }

  public static CompletionStage<AdminHttpServer> start(Vertx vertx, String host, int port, AdminApi api) {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setIdleTimeout(60)
        .setMaxInitialLineLength(8192)
        .setMaxHeaderSize(16384)
        .setCompressionSupported(true);
    return vertx.createHttpServer(options).requestHandler(api.router(vertx)).listen()
        .map(AdminHttpServer::new).toCompletionStage();
  }

  /** The port actually bound (useful when started on port 0). */
  public int port() {
    return server.actualPort();
  }

  /** Stops accepting connections. */
  public CompletionStage<Void> close() {
    return server.close().toCompletionStage();
  }
}
