package dev.aether.stats.domain.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One business day of one user (stats_user_daily): requests, errors, tokens and total cost; the other
 * cost fields and response times of {@link Totals} are zero.
 */
public record UserDailyStats(LocalDate day, Instant dayStart, String userId, Totals totals, Source source) {}
