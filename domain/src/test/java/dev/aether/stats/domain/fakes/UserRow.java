package dev.aether.stats.domain.fakes;

import java.util.Objects;

/** A {@code users} row as statistics see it (an implementation invents the e-mail, name and hash). */
public record UserRow(String id, boolean active, boolean deleted) {

  public UserRow {
    Objects.requireNonNull(id, "id");
  }

  public static UserRow active(String id) {
    return new UserRow(id, true, false);
  }
}
