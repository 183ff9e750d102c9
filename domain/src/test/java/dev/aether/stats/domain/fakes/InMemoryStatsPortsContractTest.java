package dev.aether.stats.domain.fakes;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.contract.PortsFixture;
import dev.aether.stats.domain.contract.StatsPortsContract;
import java.time.Clock;
import java.time.ZoneOffset;

/** The port contract, run against the in-memory oracle. */
class InMemoryStatsPortsContractTest extends StatsPortsContract {

  @Override
  protected PortsFixture createFixture(BusinessCalendar calendar) {
    InMemoryGateway gateway = new InMemoryGateway(Clock.fixed(calendar.now(), ZoneOffset.UTC));
    return new PortsFixture(gateway.ports(), gateway, calendar);
  }
}
