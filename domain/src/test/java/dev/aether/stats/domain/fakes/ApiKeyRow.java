package dev.aether.stats.domain.fakes;

import java.util.Objects;

/**
 * An {@code api_keys} row as statistics see it (an implementation invents the key hash); its name is
 * {@link #name()} in every implementation.
 */
public record ApiKeyRow(String id, String userId, boolean active) {

  public ApiKeyRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
  }

  /** api_keys.name: "key " + id. */
  public String name() {
    return "key " + id;
  }
}
