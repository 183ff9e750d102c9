package dev.aether.stats.domain.model;

/** A range's figures beside those of the range it is compared with. */
public record Comparison(PeriodFigures current, PeriodFigures previous) {}
