package dev.aether.stats.domain.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One business day of one model (stats_daily_model): requests, tokens, total cost and response times; the
 * other fields of {@link Totals} are zero, errorRequests included (the gateway's table has no such column,
 * and live figures match stored ones). As for {@link DailyStats}, a stored row keeps only the average
 * response time.
 */
public record ModelDailyStats(LocalDate day, Instant dayStart, String model, Totals totals, Source source) {}
