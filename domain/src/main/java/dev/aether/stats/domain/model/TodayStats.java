package dev.aether.stats.domain.model;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The current business day, live: the original aggregator's get_today_realtime_stats figures plus what is unsettled,
 * and the business time zone whose midnights bound the day (so a reader can say which day "today" is).
 */
public record TodayStats(LocalDate day, ZoneId zone, LiveTotals live) {}
