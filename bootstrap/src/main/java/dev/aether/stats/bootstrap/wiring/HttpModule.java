package dev.aether.stats.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.aether.stats.adapters.http.AdminApi;
import dev.aether.stats.adapters.http.ApiMetrics;
import dev.aether.stats.bootstrap.config.StatsConfig;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.port.PingDatabase;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.usecase.AnalyticsQueries;
import dev.aether.stats.domain.usecase.RollupService;
import dev.aether.stats.domain.usecase.StatsQueries;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The admin HTTP API on the use cases, its token and its metrics (which the rollup timer feeds too). */
@Module
interface HttpModule {
  @Provides
  @Singleton
  static AdminToken adminToken(StatsConfig config) {
    return AdminToken.fromConfig(config.adminToken());
  }

  @Provides
  @Singleton
  static ApiMetrics apiMetrics(Clock clock) {
    return new ApiMetrics(clock);
  }

  @Provides
  @Singleton
  static AdminApi adminApi(PingDatabase ping, StatsQueries queries, RollupService rollups, RunLog runs,
      BusinessCalendar calendar, AdminToken token, StatsConfig config, ApiMetrics metrics,
      AnalyticsQueries analytics) {
    return new AdminApi(new AdminApi.Dependencies(ping, queries, rollups, runs, calendar, token.value(),
        config.maxRangeDays(), metrics, AdminApi.Dependencies.DEFAULT_DATABASE_TIMEOUT, analytics));
  }
}
