package dev.aether.stats.domain.model;

import java.time.LocalDate;

/** The current business day, live: the original aggregator's get_today_realtime_stats figures plus what is unsettled. */
public record TodayStats(LocalDate day, LiveTotals live) {}
