package dev.aether.stats.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.aether.stats.domain.api.AnalyticsQuery;
import dev.aether.stats.domain.api.CheckHealth;
import dev.aether.stats.domain.api.HourlyStatsQuery;
import dev.aether.stats.domain.api.RunQueries;
import dev.aether.stats.domain.api.StartRollup;
import dev.aether.stats.domain.api.StatsQuery;
import dev.aether.stats.domain.port.PingDatabase;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.usecase.AnalyticsQueries;
import dev.aether.stats.domain.usecase.HealthCheck;
import dev.aether.stats.domain.usecase.OneRunPerKind;
import dev.aether.stats.domain.usecase.RollupService;
import dev.aether.stats.domain.usecase.RunHistory;
import dev.aether.stats.domain.usecase.HourlyQueries;
import dev.aether.stats.domain.usecase.StatsQueries;
import jakarta.inject.Singleton;
import dev.aether.stats.bootstrap.config.StatsConfig;
import dev.aether.stats.domain.cache.SharedAnswers;
import java.time.Clock;

/** The domain's inbound ports (what the HTTP API may call), on the use cases of {@link DomainModule}. */
@Module
interface InboundPortsModule {
  /** combined, today and daily answers shared whole among the readers of the same STATS_LIVE_CACHE period. */
  @Provides
  @Singleton
  static StatsQuery statsQuery(StatsQueries queries, Clock clock, StatsConfig config) {
    return new SharedAnswers(queries, clock, config.liveCacheTtl());
  }

  @Provides
  static HourlyStatsQuery hourlyStatsQuery(HourlyQueries queries) {
    return queries;
  }

  @Provides
  static AnalyticsQuery analyticsQuery(AnalyticsQueries queries) {
    return queries;
  }

  /** One run of each kind at a time for whoever starts runs through this port (the HTTP API). */
  @Provides
  @Singleton
  static StartRollup startRollup(RollupService rollups, RunLog runs) {
    return new OneRunPerKind(rollups, runs);
  }

  @Provides
  @Singleton
  static RunQueries runQueries(RunLog runs) {
    return new RunHistory(runs);
  }

  @Provides
  @Singleton
  static CheckHealth checkHealth(PingDatabase ping) {
    return new HealthCheck(ping);
  }
}
