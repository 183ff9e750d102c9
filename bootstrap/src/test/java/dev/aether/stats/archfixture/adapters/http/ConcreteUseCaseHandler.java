package dev.aether.stats.archfixture.adapters.http;

import dev.aether.stats.archfixture.domain.usecase.FixtureRunService;

/** Fixture: the HTTP adapter holding a concrete use case where its interface fits (breaks the rule). */
public class ConcreteUseCaseHandler {
  public Object runs(FixtureRunService service) {
    return service.recent();
  }
}
