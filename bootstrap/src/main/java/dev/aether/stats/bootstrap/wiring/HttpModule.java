package dev.aether.stats.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.aether.stats.adapters.http.AdminApi;
import dev.aether.stats.adapters.http.ApiMetrics;
import dev.aether.stats.bootstrap.config.StatsConfig;
import dev.aether.stats.domain.api.CheckHealth;
import dev.aether.stats.domain.api.HourlyStatsQuery;
import dev.aether.stats.domain.api.RunQueries;
import dev.aether.stats.domain.api.StartRollup;
import dev.aether.stats.domain.api.StatsQuery;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.api.AnalyticsQuery;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
  static ApiMetrics apiMetrics(PrometheusMeterRegistry registry, Clock clock) {
    return new ApiMetrics(registry, clock);
  }

  @Provides
  @Singleton
  static AdminApi adminApi(CheckHealth health, StatsQuery queries, StartRollup rollups, RunQueries runs,
      BusinessCalendar calendar, AdminToken token, StatsConfig config, ApiMetrics metrics,
      HourlyStatsQuery hourly, AnalyticsQuery analytics) {
    return new AdminApi(new AdminApi.Dependencies(health, queries, rollups, runs, calendar, token.value(),
        config.maxRangeDays(), metrics, AdminApi.Dependencies.DEFAULT_DATABASE_TIMEOUT, hourly, analytics),
        config.dashboard());
  }
}
