package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.fakes.HourPorts;

/**
 * The hour-bucket contract again, with every live run longer than a few hours counting its fallbacks by
 * grouping the attempts (what runs holding more than 100,000 attempts do) instead of looking requests up:
 * both ways must give the same figures.
 */
class PgHourlyGroupedContractTest extends PgHourlyContractTest {
  @Override
  protected HourFixture createFixture() {
    HourFixture f = super.createFixture();
    HourPorts p = f.ports();
    return new HourFixture(new HourPorts(p.materializeHours(), app.adapters.hourlyStatsReader(0),
        p.modelHourlyStats(), p.changedHours()), f.data(), f.days(), f.daily());
  }
}
