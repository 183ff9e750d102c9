package dev.aether.stats.archfixture.domain.usecase;

/** Fixture: a value a use case returns (a record: adapters may read it). */
public record FixtureRunView(String text) {}
