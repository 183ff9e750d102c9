package dev.aether.stats.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.aether.stats.adapters.postgres.DemoTraffic;
import dev.aether.stats.adapters.postgres.PgPools;
import dev.aether.stats.adapters.postgres.PostgresAdapters;
import dev.aether.stats.bootstrap.observability.LoggingRunLog;
import dev.aether.stats.changelog.PostgresUrl;
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
import dev.aether.stats.domain.port.PingDatabase;
import dev.aether.stats.domain.port.StoredDayState;
import dev.aether.stats.domain.port.RefreshSummary;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.port.TickLease;
import dev.aether.stats.domain.port.UserDailyStatsReader;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;

/** The PostgreSQL adapters: one pool, and every port implemented on it. */
@Module
interface PostgresModule {
  int POOL_SIZE = 8;

  @Provides
  @Singleton
  static PostgresAdapters postgresAdapters(Vertx vertx, PostgresUrl db) {
    return PostgresAdapters.open(vertx,
        new PgPools.Settings(db.host(), db.port(), db.database(), db.user(), db.password(), POOL_SIZE));
  }

  @Provides
  static PingDatabase pingDatabase(PostgresAdapters a) {
    return a.pingDatabase();
  }

  @Provides
  static MaterializeDays materializeDays(PostgresAdapters a) {
    return a.materializeDays();
  }

  @Provides
  static RefreshSummary refreshSummary(PostgresAdapters a) {
    return a.refreshSummary();
  }

  @Provides
  static LoadSummary loadSummary(PostgresAdapters a) {
    return a.loadSummary();
  }

  @Provides
  static LoadLiveTotals loadLiveTotals(PostgresAdapters a) {
    return a.loadLiveTotals();
  }

  @Provides
  static LoadUserCounts loadUserCounts(PostgresAdapters a) {
    return a.loadUserCounts();
  }

  @Provides
  static LoadRollupState loadRollupState(PostgresAdapters a) {
    return a.loadRollupState();
  }

  @Provides
  static DailyStatsReader dailyStatsReader(PostgresAdapters a) {
    return a.dailyStatsReader();
  }

  @Provides
  static UserDailyStatsReader userDailyStatsReader(PostgresAdapters a) {
    return a.userDailyStatsReader();
  }

  @Provides
  static ModelDailyStatsReader modelDailyStatsReader(PostgresAdapters a) {
    return a.modelDailyStatsReader();
  }

  @Provides
  static MaterializeHours materializeHours(PostgresAdapters a) {
    return a.materializeHours();
  }

  @Provides
  static HourlyStatsReader hourlyStatsReader(PostgresAdapters a) {
    return a.hourlyStatsReader();
  }

  @Provides
  static ModelHourlyStatsReader modelHourlyStatsReader(PostgresAdapters a) {
    return a.modelHourlyStatsReader();
  }

  @Provides
  static FindChangedHours findChangedHours(PostgresAdapters a) {
    return a.findChangedHours();
  }

  @Provides
  static BreakdownReader breakdownReader(PostgresAdapters a) {
    return a.breakdownReader();
  }

  @Provides
  static LatencyHistogramReader latencyHistogramReader(PostgresAdapters a) {
    return a.latencyHistogramReader();
  }

  @Provides
  static HourBucketState hourBucketState(PostgresAdapters a) {
    return a.hourBucketState();
  }

  @Provides
  static StoredDayState storedDayState(PostgresAdapters a) {
    return a.storedDayState();
  }

  @Provides
  static PeriodUsageReader periodUsageReader(PostgresAdapters a) {
    return a.periodUsageReader();
  }

  @Provides
  @Singleton
  static RunLog runLog(PostgresAdapters a) {
    return new LoggingRunLog(a.runLog());
  }

  @Provides
  @Singleton
  static TickLease tickLease(PostgresAdapters a) {
    return a.tickLease();
  }

  @Provides
  static DemoTraffic demoTraffic(PostgresAdapters a) {
    return a.demoTraffic();
  }
}
