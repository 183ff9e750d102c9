package dev.aether.stats.archfixture.adapters.http;

import dev.aether.stats.archfixture.domain.port.FixtureRunLog;

/** Fixture: the HTTP adapter reading an outbound port directly (breaks the inbound-ports rule). */
public class OutboundPortHandler {
  public String runs(FixtureRunLog log) {
    return log.recent();
  }
}
