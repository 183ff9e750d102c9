package dev.aether.stats.adapters.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Requires {@code Authorization: Bearer <admin token>}. Both tokens are hashed to 32 bytes before a
 * constant-time comparison, so neither the content nor the length of the real token leaks through
 * timing. The token is never logged nor echoed: only its hash is kept.
 */
final class AuthHandler implements Handler<RoutingContext> {
  private static final String SCHEME = "Bearer ";

  private final byte[] expectedHash;

  AuthHandler(String adminToken) {
    this.expectedHash = sha256(adminToken);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("authorization");
    if (header == null || header.isBlank()) {
      throw ApiError.unauthorized("this endpoint needs the header Authorization: Bearer <admin token>");
    }
    if (header.length() < SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw ApiError.unauthorized("the Authorization header must use the Bearer scheme");
    }
    byte[] presented = sha256(header.substring(SCHEME.length()).strip());
    if (!MessageDigest.isEqual(presented, expectedHash)) {
      throw ApiError.unauthorized("the bearer token is not valid");
    }
    ctx.next();
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
