package dev.aether.stats.domain.fakes;

import java.util.Objects;

/** An {@code api_keys} row as statistics see it (an implementation invents the key hash). */
public record ApiKeyRow(String id, String userId, boolean active) {

  public ApiKeyRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
  }
}
