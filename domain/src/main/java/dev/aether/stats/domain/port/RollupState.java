package dev.aether.stats.domain.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the planner needs to know about the database: the summary's cutoff (absent: no summary yet), the
 * first usage row still retained, and the {@code date} of every stored stats_daily row, ascending (a few
 * thousand at most: one per day of history, plus rows another time zone's days left behind).
 */
public record RollupState(
    Optional<Instant> summaryCutoff, Optional<Instant> firstUsageAt, List<Instant> storedDayStarts) {

  public RollupState {
    Objects.requireNonNull(summaryCutoff, "summaryCutoff");
    Objects.requireNonNull(firstUsageAt, "firstUsageAt");
    storedDayStarts = List.copyOf(storedDayStarts).stream().sorted().distinct().toList();
  }

  /** The newest stored stats_daily date, whatever zone wrote it. */
  public Optional<Instant> newestMaterializedDayStart() {
    return storedDayStarts.isEmpty() ? Optional.empty() : Optional.of(storedDayStarts.get(storedDayStarts.size() - 1));
  }
}
