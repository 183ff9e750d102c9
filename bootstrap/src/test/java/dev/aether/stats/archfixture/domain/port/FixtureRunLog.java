package dev.aether.stats.archfixture.domain.port;

/** Fixture: an outbound port (what the domain needs from a database). */
public interface FixtureRunLog {
  String recent();
}
