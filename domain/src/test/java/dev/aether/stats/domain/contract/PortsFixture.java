package dev.aether.stats.domain.contract;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.fakes.GatewayData;
import dev.aether.stats.domain.fakes.StatsPorts;
import java.util.Objects;

/** What an implementation under contract provides: its ports and its data writer, over one empty database. */
public record PortsFixture(StatsPorts ports, GatewayData data, BusinessCalendar calendar) {
  public PortsFixture {
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(calendar, "calendar");
  }
}
