package dev.aether.stats.domain.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

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
   * The rows summed per (key, sub-key), in the order keys first appear (see {@link #sumBy}).
   */
  public static List<BreakdownRow> sumPerKey(List<BreakdownRow> rows) {
    record Key(String key, String subKey) {}
    return new ArrayList<>(sumBy(rows, r -> new Key(r.key(), r.subKey()), new LinkedHashMap<>()).values());
  }

  /**
   * The rows summed per {@code key} into {@code sums}: each sum carries the key, sub-key and source of its
   * first row, the latest day of its rows, and the name of its latest row that has one.
   */
  public static <K, M extends Map<K, BreakdownRow>> M sumBy(List<BreakdownRow> rows,
      Function<BreakdownRow, K> key, M sums) {
    Map<K, LocalDate> nameDays = new HashMap<>();
    for (BreakdownRow r : rows) {
      K k = key.apply(r);
      BreakdownRow s = sums.get(k);
      String name = s == null ? null : s.name();
      LocalDate nameDay = nameDays.get(k);
      if (r.name() != null && (nameDay == null || !r.day().isBefore(nameDay))) {
        name = r.name();
        nameDays.put(k, r.day());
      }
      sums.put(k, s == null ? new BreakdownRow(r.day(), r.key(), r.subKey(), name, r.figures(), r.source())
          : new BreakdownRow(r.day().isAfter(s.day()) ? r.day() : s.day(), s.key(), s.subKey(), name,
              s.figures().plus(r.figures()), s.source()));
    }
    return sums;
  }
}
