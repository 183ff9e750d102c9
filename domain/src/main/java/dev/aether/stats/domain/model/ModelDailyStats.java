package dev.aether.stats.domain.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One business day of one model (stats_daily_model): requests, errors (a column we add to the gateway's
 * table), tokens, total cost and response times (sum and count, also columns of ours); the other cost
 * fields of {@link Totals} are zero.
 */
public record ModelDailyStats(LocalDate day, Instant dayStart, String model, Totals totals, Source source) {}
