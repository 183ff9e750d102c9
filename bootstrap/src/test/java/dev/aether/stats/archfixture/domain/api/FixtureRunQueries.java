package dev.aether.stats.archfixture.domain.api;

import dev.aether.stats.archfixture.domain.usecase.FixtureRunView;

/** Fixture: an inbound port (what an adapter may ask of the domain). */
public interface FixtureRunQueries {
  FixtureRunView recent();
}
