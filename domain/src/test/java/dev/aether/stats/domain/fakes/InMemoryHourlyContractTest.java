package dev.aether.stats.domain.fakes;

import dev.aether.stats.domain.contract.HourlyContract;
import dev.aether.stats.domain.contract.March2026;
import java.time.Clock;
import java.time.ZoneOffset;

/** The hour-bucket contract, run against the in-memory oracle. */
class InMemoryHourlyContractTest extends HourlyContract {

  @Override
  protected HourFixture createFixture() {
    InMemoryGateway gateway = new InMemoryGateway(Clock.fixed(March2026.NOW, ZoneOffset.UTC));
    StatsPorts days = gateway.ports();
    return new HourFixture(gateway.hourPorts(), gateway, days.materializeDays(), days.dailyStats());
  }
}
