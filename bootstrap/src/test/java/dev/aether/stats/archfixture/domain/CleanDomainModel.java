package dev.aether.stats.archfixture.domain;

/** Fixture: a domain class that keeps the rule. */
public record CleanDomainModel(java.time.LocalDate day, long requests) {}
