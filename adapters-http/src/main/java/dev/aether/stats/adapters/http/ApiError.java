package dev.aether.stats.adapters.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * An error the API answers with: status, a stable machine code and a human message. Thrown by validation
 * and produced by the failure classification; rendered by {@link Responses#error}. It carries no stack
 * trace (it is an answer, not a bug) and its message is always safe to show to the caller.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  ApiError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, "bad_request", message);
  }

  static ApiError unauthorized(String message) {
    return new ApiError(401, "unauthorized", message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, "not_found", message);
  }

  static ApiError notAcceptable(String message) {
    return new ApiError(406, "not_acceptable", message);
  }

  static ApiError conflict(String message) {
    return new ApiError(409, "conflict", message);
  }

  static ApiError unsupportedMediaType(String message) {
    return new ApiError(415, "unsupported_media_type", message);
  }

  static ApiError databaseUnavailable(String message) {
    return new ApiError(503, "database_unavailable", message);
  }

  static ApiError internal() {
    return new ApiError(500, "internal_error", "the server failed to answer; the cause is in its log");
  }

  /** A generic error for a bare status (e.g. a Vert.x handler that failed with a code only). */
  static ApiError forStatus(int status) {
    return switch (status) {
      case 400 -> badRequest("malformed request: the path or query string is not valid (check its percent-encoding)");
      case 401 -> unauthorized("missing or invalid bearer token");
      case 404 -> notFound("no such resource");
      case 405 -> new ApiError(405, "method_not_allowed", "method not allowed on this resource");
      case 413 -> new ApiError(413, "payload_too_large",
          "the request body exceeds " + AdminApi.MAX_BODY_BYTES + " bytes");
      case 414 -> new ApiError(414, "uri_too_long", "the request line is too long");
      case 415 -> unsupportedMediaType("unsupported content type");
      case 431 -> new ApiError(431, "headers_too_large", "the request headers are too large");
      case 503 -> new ApiError(503, "service_unavailable", "the service is unavailable");
      default -> status >= 400 && status < 600
          ? new ApiError(status, codeOf(status), reasonOf(status).toLowerCase(Locale.ROOT))
          : internal();
    };
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  JsonObject body() {
    return new JsonObject().put("error", code).put("message", getMessage());
  }

  private static String reasonOf(int status) {
    return HttpResponseStatus.valueOf(status).reasonPhrase();
  }

  private static String codeOf(int status) {
    return reasonOf(status).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }
}
