package dev.aether.stats.archfixture.domain.usecase;

import dev.aether.stats.archfixture.domain.api.FixtureRunQueries;
import dev.aether.stats.archfixture.domain.port.FixtureRunLog;

/** Fixture: a concrete use case, implementing its inbound port over an outbound one. */
public final class FixtureRunService implements FixtureRunQueries {
  private final FixtureRunLog log;

  public FixtureRunService(FixtureRunLog log) {
    this.log = log;
  }

  @Override
  public FixtureRunView recent() {
    return new FixtureRunView(log.recent());
  }
}
