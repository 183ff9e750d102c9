package dev.aether.stats.archfixture.adapters.http;

import dev.aether.stats.archfixture.domain.api.FixtureRunQueries;
import dev.aether.stats.archfixture.domain.usecase.FixtureRunView;

/** Fixture: the HTTP adapter as it should be: an inbound port, and the values it returns. */
public class InboundPortHandler {
  public String runs(FixtureRunQueries runs) {
    FixtureRunView view = runs.recent();
    return view.text();
  }
}
