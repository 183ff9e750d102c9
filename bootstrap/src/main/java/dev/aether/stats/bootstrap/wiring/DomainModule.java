package dev.aether.stats.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.aether.stats.bootstrap.config.StatsConfig;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.planner.HistoryWindow;
import dev.aether.stats.domain.planner.HourPlanner;
import dev.aether.stats.domain.planner.RollupPlanner;
import dev.aether.stats.domain.port.DailyStatsReader;
import dev.aether.stats.domain.port.FindChangedHours;
import dev.aether.stats.domain.port.HourlyStatsReader;
import dev.aether.stats.domain.port.LoadLiveTotals;
import dev.aether.stats.domain.port.LoadRollupState;
import dev.aether.stats.domain.port.LoadSummary;
import dev.aether.stats.domain.port.LoadUserCounts;
import dev.aether.stats.domain.port.MaterializeDays;
import dev.aether.stats.domain.port.MaterializeHours;
import dev.aether.stats.domain.port.ModelDailyStatsReader;
import dev.aether.stats.domain.port.ModelHourlyStatsReader;
import dev.aether.stats.domain.port.BreakdownReader;
import dev.aether.stats.domain.port.HourBucketState;
import dev.aether.stats.domain.port.LatencyHistogramReader;
import dev.aether.stats.domain.port.PeriodUsageReader;
import dev.aether.stats.domain.port.StoredDayState;
import dev.aether.stats.domain.port.RefreshSummary;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.port.TickLease;
import dev.aether.stats.domain.port.UserDailyStatsReader;
import dev.aether.stats.domain.usecase.HourlyMaintenance;
import dev.aether.stats.domain.usecase.HourlyQueries;
import dev.aether.stats.domain.usecase.AnalyticsQueries;
import dev.aether.stats.domain.usecase.RollupService;
import dev.aether.stats.domain.usecase.RollupTick;
import dev.aether.stats.domain.usecase.StatsQueries;
import jakarta.inject.Singleton;
import dev.aether.stats.domain.cache.CachedLiveReads;
import dev.aether.stats.domain.cache.CoveredHoursReuse;
import dev.aether.stats.domain.cache.StoredDaysReuse;
import java.time.Clock;
import java.time.Duration;

/** The domain's use cases, built on the ports (the domain itself knows nothing of Dagger). */
@Module
interface DomainModule {
  @Provides
  @Singleton
  static BusinessCalendar calendar(StatsConfig config, Clock clock) {
    return new BusinessCalendar(config.timeZone(), clock);
  }

  @Provides
  @Singleton
  static RollupService rollupService(MaterializeDays materialize, MaterializeHours hours, RefreshSummary refresh,
      RunLog runs, LoadRollupState state, BusinessCalendar calendar, StatsConfig config) {
    return new RollupService(materialize, hours, refresh, runs, state, calendar, historyWindow(config),
        config.batchDays(), config.rollupParallelism());
  }

  @Provides
  @Singleton
  static RollupPlanner rollupPlanner(StatsConfig config) {
    return new RollupPlanner(historyWindow(config), config.settleDays(), config.batchDays(),
        config.batchDays() * config.tickMaxBatches());
  }

  private static HistoryWindow historyWindow(StatsConfig config) {
    return config.backfillDays().isPresent() ? HistoryWindow.last(config.backfillDays().getAsInt()) : HistoryWindow.all();
  }

  @Provides
  @Singleton
  static RollupTick rollupTick(TickLease lease, LoadRollupState state, RollupPlanner planner, RollupService rollups,
      BusinessCalendar calendar, HourlyMaintenance hours, StatsConfig config) {
    return new RollupTick(lease, state, planner, rollups, calendar, hours, config.settleInterval());
  }

  @Provides
  @Singleton
  static HourlyQueries hourlyQueries(HourlyStatsReader hours, ModelHourlyStatsReader models,
      BusinessCalendar calendar) {
    return new HourlyQueries(hours, models, calendar);
  }

  /** The hour buckets' share of every tick: changed and newest hours, then the days holding changed hours. */
  @Provides
  @Singleton
  static HourlyMaintenance hourlyMaintenance(FindChangedHours changed, MaterializeHours hours,
      MaterializeDays days, BusinessCalendar calendar) {
    return new HourlyMaintenance(changed, hours, days,
        new HourPlanner(calendar, HourPlanner.DEFAULT_WATCH_HOURS, HourPlanner.DEFAULT_RECENT_HOURS), calendar);
  }

  @Provides
  @Singleton
  static StatsQueries statsQueries(LoadSummary summary, LoadLiveTotals live, LoadUserCounts counts,
      DailyStatsReader daily, UserDailyStatsReader userDaily, ModelDailyStatsReader modelDaily,
      BusinessCalendar calendar, Clock clock, StatsConfig config) {
    // live aggregations are shared among the readers of the same second (STATS_LIVE_CACHE); combined, today
    // and daily share their whole answers instead (InboundPortsModule), so their live reads are not cached
    // twice (an answer would then be up to twice the ttl old)
    Duration ttl = config.liveCacheTtl();
    return new StatsQueries(summary, live, counts, daily, CachedLiveReads.users(userDaily, clock, ttl),
        CachedLiveReads.models(modelDaily, clock, ttl), calendar);
  }

  @Provides
  @Singleton
  static AnalyticsQueries analyticsQueries(StatsQueries stats, DailyStatsReader daily, BreakdownReader breakdowns,
      LatencyHistogramReader histograms, PeriodUsageReader periods, HourlyQueries hours, HourBucketState buckets,
      StoredDayState storedDays, BusinessCalendar calendar, Clock clock) {
    // the live days' rows that hour buckets cover are aggregated once per bucket write, the stored days' rows
    // read once per state of those days, not on every request
    return new AnalyticsQueries(stats, daily,
        StoredDaysReuse.breakdowns(CoveredHoursReuse.breakdowns(breakdowns, buckets, clock), storedDays, clock),
        StoredDaysReuse.histograms(CoveredHoursReuse.histograms(histograms, buckets, clock), storedDays, clock),
        periods, hours, calendar);
  }
}
