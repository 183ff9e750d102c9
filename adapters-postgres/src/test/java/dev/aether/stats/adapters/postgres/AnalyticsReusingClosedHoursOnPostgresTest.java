package dev.aether.stats.adapters.postgres;

import static dev.aether.stats.adapters.postgres.PgTestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.cache.ClosedHoursReuse;
import dev.aether.stats.domain.cache.StoredDaysReuse;
import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.port.HourBucketState;
import dev.aether.stats.domain.port.StoredDayState;
import dev.aether.stats.domain.usecase.AnalyticsQueries;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every check of {@link AnalyticsOnPostgresTest} (answers equal to direct SQL over the usage rows) with the
 * live days' closed hours read once and then reused, and the stored days' reads kept per state of
 * stats_daily, as serve wires the analytics: the hours of the live days (March 10 to 14, 12:00) have their
 * buckets, so the reads split at the current hour, and every read is made once before the checks, so that
 * the checks get the kept parts.
 */
class AnalyticsReusingClosedHoursOnPostgresTest extends AnalyticsOnPostgresTest {
  private static final Instant LIVE_FROM = Instant.parse("2026-03-10T00:00:00Z");

  @BeforeAll
  static void reuseClosedHours() throws Exception {
    PostgresAdapters a = app.adapters;
    await(a.materializeHours().materialize(new HourRange(LIVE_FROM, NOW)));
    HourBucketState buckets = a.hourBucketState();
    assertEquals(4 * 24 + 12, await(buckets.of(LIVE_FROM, NOW)).completeHours(),
        "every closed hour of the live days has a complete bucket: the reads split");
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    // as the service wires them: stored days kept per state of stats_daily, closed hours per bucket state
    analytics = new AnalyticsQueries(stats, a.dailyStatsReader(),
        StoredDaysReuse.breakdowns(ClosedHoursReuse.breakdowns(a.breakdownReader(), buckets, clock),
            a.storedDayState(), clock),
        StoredDaysReuse.histograms(ClosedHoursReuse.histograms(a.latencyHistogramReader(), buckets, clock),
            a.storedDayState(), clock),
        a.periodUsageReader(), hourly(a), calendar);
    for (AnalyticsQueries.Ranked kind : AnalyticsQueries.Ranked.values()) {
      await(analytics.leaderboard(kind, RANGE, AnalyticsQueries.RankMetric.REQUESTS, 10, 0));
    }
    for (AnalyticsQueries.LatencyGrouping by : AnalyticsQueries.LatencyGrouping.values()) {
      await(analytics.latency(by, RANGE));
    }
  }

  /** What keeps the stored parts valid: a rewritten day is a new state (the kept reads are not reused). */
  @Test
  void rewritingAStoredDayChangesTheStoredDaysState() {
    DayBounds range = calendar.bounds(RANGE);
    StoredDayState.State before = await(app.adapters.storedDayState().of(range));
    assertEquals(9, before.storedDays(), "03-01 .. 03-09 are materialized");
    await(app.adapters.materializeDays().materialize(calendar.bounds(DayRange.of(LocalDate.of(2026, 3, 7)))));
    StoredDayState.State after = await(app.adapters.storedDayState().of(range));
    assertEquals(9, after.storedDays());
    assertTrue(after.newestWrite().isAfter(before.newestWrite()), before + " then " + after);
  }
}
