package dev.aether.stats.domain.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * The rows summed per (key, sub-key), in the order keys first appear: each sum carries the latest day
   * of its rows, the name of its latest row that has one, and the source of its first row.
   */
  public static List<BreakdownRow> sumPerKey(List<BreakdownRow> rows) {
    record Key(String key, String subKey) {}
    Map<Key, BreakdownRow> sums = new LinkedHashMap<>();
    Map<Key, LocalDate> nameDays = new LinkedHashMap<>();
    for (BreakdownRow r : rows) {
      Key k = new Key(r.key(), r.subKey());
      BreakdownRow s = sums.get(k);
      LocalDate nameDay = nameDays.get(k);
      String name = s == null ? null : s.name();
      if (r.name() != null && (nameDay == null || !r.day().isBefore(nameDay))) {
        name = r.name();
        nameDays.put(k, r.day());
      }
      sums.put(k, s == null ? new BreakdownRow(r.day(), r.key(), r.subKey(), name, r.figures(), r.source())
          : new BreakdownRow(r.day().isAfter(s.day()) ? r.day() : s.day(), r.key(), r.subKey(), name,
              s.figures().plus(r.figures()), s.source()));
    }
    return new ArrayList<>(sums.values());
  }
}
