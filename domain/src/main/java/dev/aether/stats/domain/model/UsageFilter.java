package dev.aether.stats.domain.model;

/** Which usage rows a series counts: each non-null field must match (user, model, provider, API key). */
public record UsageFilter(String userId, String model, String provider, String apiKeyId) {
  public static final UsageFilter NONE = new UsageFilter(null, null, null, null);

  public boolean isNone() {
    return userId == null && model == null && provider == null && apiKeyId == null;
  }
}
