package dev.aether.stats.domain.model;

import dev.aether.stats.domain.calendar.DayRange;

/** The whole-gateway figures of a range of business days (the daily figures summed). */
public record PeriodFigures(DayRange range, Totals totals, long fallbackCount) {}
