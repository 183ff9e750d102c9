package dev.aether.stats.domain.fakes;

import dev.aether.stats.domain.api.HourlyStatsQuery;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.port.BreakdownReader;
import dev.aether.stats.domain.port.LatencyHistogramReader;
import dev.aether.stats.domain.port.PeriodUsageReader;
import dev.aether.stats.domain.usecase.AnalyticsQueries;
import java.util.Objects;

/** The ports behind the analytics reads (issue 11), as one implementation provides them. */
public record AnalyticsPorts(
    BreakdownReader breakdowns, LatencyHistogramReader histograms, PeriodUsageReader periods) {

  public AnalyticsPorts {
    Objects.requireNonNull(breakdowns, "breakdowns");
    Objects.requireNonNull(histograms, "histograms");
    Objects.requireNonNull(periods, "periods");
  }

  public AnalyticsQueries queries(StatsPorts ports, HourlyStatsQuery hours, BusinessCalendar calendar) {
    return new AnalyticsQueries(ports.queries(calendar), ports.dailyStats(), breakdowns, histograms, periods,
        hours, calendar);
  }
}
