package dev.aether.stats.adapters.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.CompletionStage;

/** The listening admin HTTP server. */
public final class AdminHttpServer {
  static final int MAX_INITIAL_LINE = 8192;
  static final int MAX_HEADER_SIZE = 16384;

  private final HttpServer server;

  private AdminHttpServer(HttpServer server) {
    this.server = server;
  }

  public static CompletionStage<AdminHttpServer> start(Vertx vertx, String host, int port, AdminApi api) {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setIdleTimeout(60)
        .setMaxInitialLineLength(MAX_INITIAL_LINE)
        .setMaxHeaderSize(MAX_HEADER_SIZE)
        .setCompressionSupported(true);
    return api.contract(vertx).compose(contract -> vertx.createHttpServer(options)
        .invalidRequestHandler(AdminHttpServer::invalidRequest)
        .requestHandler(api.router(vertx, contract))
        .listen())
        .map(AdminHttpServer::new).toCompletionStage();
  }

  /**
   * Requests the HTTP decoder rejected (line or headers too long, malformed) never reach the router;
   * they get the same JSON error body as everything else instead of Vert.x's empty default answer.
   */
  private static void invalidRequest(HttpServerRequest request) {
    DecoderResult result = request.decoderResult();
    Throwable cause = result == null ? null : result.cause();
    ApiError error;
    if (cause instanceof TooLongHttpLineException) {
      error = new ApiError(414, "uri_too_long", "the request line is longer than " + MAX_INITIAL_LINE + " bytes");
    } else if (cause instanceof TooLongHttpHeaderException) {
      error = new ApiError(431, "headers_too_large", "the request headers exceed " + MAX_HEADER_SIZE + " bytes");
    } else {
      error = ApiError.badRequest("malformed HTTP request");
    }
    // the server closes the connection after this answer: the rest of the stream cannot be trusted
    request.response().setStatusCode(error.status()).putHeader("content-type", Responses.JSON)
        .end(error.body().encode());
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
