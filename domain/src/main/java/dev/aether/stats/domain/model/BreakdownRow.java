package dev.aether.stats.domain.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One business day of one key of a {@link Breakdown}: {@code key} is the provider, API key id, model or
 * user id; {@code subKey} the provider of a model x provider row (else null); {@code name} the API key's
 * name or the user's username where the gateway has one (else null).
 */
public record BreakdownRow(
    LocalDate day, String key, String subKey, String name, BreakdownFigures figures, Source source) {
  public BreakdownRow {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(figures, "figures");
    Objects.requireNonNull(source, "source");
  }
}
