package dev.aether.stats.domain.fakes;

import dev.aether.stats.domain.port.FindChangedHours;
import dev.aether.stats.domain.port.HourlyStatsReader;
import dev.aether.stats.domain.port.MaterializeHours;
import dev.aether.stats.domain.port.ModelHourlyStatsReader;
import java.util.Objects;

/** The ports of the hour buckets, as one implementation provides them (beside {@link StatsPorts}). */
public record HourPorts(
    MaterializeHours materializeHours,
    HourlyStatsReader hourlyStats,
    ModelHourlyStatsReader modelHourlyStats,
    FindChangedHours changedHours) {

  public HourPorts {
    Objects.requireNonNull(materializeHours, "materializeHours");
    Objects.requireNonNull(hourlyStats, "hourlyStats");
    Objects.requireNonNull(modelHourlyStats, "modelHourlyStats");
    Objects.requireNonNull(changedHours, "changedHours");
  }
}
