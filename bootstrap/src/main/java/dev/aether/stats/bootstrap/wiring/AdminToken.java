package dev.aether.stats.bootstrap.wiring;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token of /api/**: STATS_ADMIN_TOKEN, or a random one made at start (printed once by serve,
 * never logged). {@link #toString()} hides it.
 */
public record AdminToken(String value, boolean generated) {
  static AdminToken fromConfig(java.util.Optional<String> configured) {
    if (configured.isPresent()) {
      return new AdminToken(configured.get(), false);
    }
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new AdminToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), true);
  }

  @Override
  public String toString() {
    return "AdminToken[***]";
  }
}
