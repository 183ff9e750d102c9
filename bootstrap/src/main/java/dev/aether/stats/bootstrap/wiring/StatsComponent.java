package dev.aether.stats.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.aether.stats.adapters.postgres.PostgresAdapters;
import dev.aether.stats.bootstrap.config.StatsConfig;
import dev.aether.stats.changelog.PostgresUrl;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import dev.aether.stats.adapters.http.AdminApi;
import dev.aether.stats.adapters.http.ApiMetrics;
import dev.aether.stats.domain.port.LoadRollupState;
import dev.aether.stats.adapters.postgres.DemoTraffic;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.port.HourlyStatsReader;
import dev.aether.stats.domain.usecase.HourlyMaintenance;
import dev.aether.stats.domain.usecase.RollupService;
import dev.aether.stats.domain.usecase.RollupTick;
import dev.aether.stats.domain.usecase.StatsQueries;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The object graph of one running service: configuration, clock, Vert.x, the database address and the
 * metrics registry (which Vert.x, created first, writes into too) come in; adapters and use cases are built from them. Tests build it with their own database and clock.
 */
@Singleton
@Component(modules = {PostgresModule.class, DomainModule.class, InboundPortsModule.class, HttpModule.class})
public interface StatsComponent {
  PostgresAdapters postgres();

  AdminApi adminApi();

  RollupService rollupService();

  RollupTick rollupTick();

  HourlyMaintenance hourlyMaintenance();

  HourlyStatsReader hourlyStatsReader();

  StatsQueries statsQueries();

  DemoTraffic demoTraffic();

  BusinessCalendar calendar();

  AdminToken adminToken();

  ApiMetrics apiMetrics();

  LoadRollupState loadRollupState();

  @Component.Factory
  interface Factory {
    StatsComponent create(
        @BindsInstance StatsConfig config,
        @BindsInstance Vertx vertx,
        @BindsInstance Clock clock,
        @BindsInstance PostgresUrl database,
        @BindsInstance PrometheusMeterRegistry metricsRegistry);
  }
}
