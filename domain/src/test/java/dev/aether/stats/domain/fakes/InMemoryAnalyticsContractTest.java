package dev.aether.stats.domain.fakes;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.contract.AnalyticsPortsContract;
import java.time.Clock;
import java.time.ZoneOffset;

/** The analytics port contract, run against the in-memory oracle. */
class InMemoryAnalyticsContractTest extends AnalyticsPortsContract {

  @Override
  protected Fixture createFixture(BusinessCalendar calendar) {
    InMemoryGateway gateway = new InMemoryGateway(Clock.fixed(calendar.now(), ZoneOffset.UTC));
    return new Fixture(gateway.ports(), gateway.analyticsPorts(), gateway);
  }
}
