package dev.aether.stats.domain.model;

import java.time.Instant;

/** One UTC hour of one model (stats_hourly_model): the figures of a {@link ModelDailyStats}. */
public record ModelHourlyStats(Instant hour, String model, Totals totals, Source source) {}
