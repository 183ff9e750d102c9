package dev.aether.stats.adapters.postgres;

import static dev.aether.stats.adapters.postgres.PgTestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.cache.CoveredHoursReuse;
import dev.aether.stats.domain.cache.StoredDaysReuse;
import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.port.HourBucketState;
import dev.aether.stats.domain.port.StoredDayState;
import dev.aether.stats.domain.usecase.AnalyticsQueries;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every check of {@link AnalyticsOnPostgresTest} (answers equal to direct SQL over the usage rows) with the
 * live days' covered rows read once and then reused, and the stored days' reads kept per state of
 * stats_daily, as serve wires the analytics. The reuse's clock is at 13:10 on March 14: the hours of the
 * live days up to 12:00 have complete buckets, the 12:00 hour a partial one written up to 12:35 (the last
 * tick), and 80 more rows fall in [12:00, 13:10); so the reads split into the complete hours, the partial
 * bucket's rows and the rows since 12:35, each part holding rows. Every read is made once before the checks,
 * so that the checks get the kept parts.
 */
class AnalyticsReusingCoveredHoursOnPostgresTest extends AnalyticsOnPostgresTest {
  private static final Instant LIVE_FROM = Instant.parse("2026-03-10T00:00:00Z");
  private static final Instant LAST_TICK = Instant.parse("2026-03-14T12:35:00Z");
  private static final Instant REUSE_NOW = Instant.parse("2026-03-14T13:10:00Z");

  @BeforeAll
  static void reuseClosedHours() throws Exception {
    PostgresAdapters a = app.adapters;
    try (Connection c = DB.connect()) {
      gateway.usageBetween(c, NOW, REUSE_NOW, 80);
    }
    assertTrue(DB.queryLong("SELECT count(*) FROM usage WHERE created_at >= '" + NOW + "' AND created_at < '"
        + LAST_TICK + "'") > 20, "the partial bucket holds rows");
    assertTrue(DB.queryLong("SELECT count(*) FROM usage WHERE created_at >= '" + LAST_TICK + "' AND created_at < '"
        + REUSE_NOW + "'") > 20, "rows since the last tick");
    await(a.materializeHours().materialize(new HourRange(LIVE_FROM, NOW)));
    await(a.materializeHours().materialize(new HourRange(NOW, NOW.plus(Duration.ofHours(1))), LAST_TICK));
    List<HourBucketState.Bucket> buckets = await(a.hourBucketState().of(LIVE_FROM, REUSE_NOW));
    assertEquals(4 * 24 + 12 + 1, buckets.size());
    assertEquals(4 * 24 + 12, buckets.stream().filter(HourBucketState.Bucket::complete).count(),
        "every closed hour of the live days up to 12:00 has a complete bucket");
    assertEquals(new HourBucketState.Bucket(NOW, LAST_TICK, false, buckets.get(buckets.size() - 1).written()),
        buckets.get(buckets.size() - 1), "the 12:00 bucket is partial, up to the last tick");
    HourBucketState bucketState = a.hourBucketState();
    Clock clock = Clock.fixed(REUSE_NOW, ZoneOffset.UTC);
    // as the service wires them: stored days kept per state of stats_daily, closed hours per bucket state
    analytics = new AnalyticsQueries(stats, a.dailyStatsReader(),
        StoredDaysReuse.breakdowns(CoveredHoursReuse.breakdowns(a.breakdownReader(), bucketState, clock),
            a.storedDayState(), clock),
        StoredDaysReuse.histograms(CoveredHoursReuse.histograms(a.latencyHistogramReader(), bucketState, clock),
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
