package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.contract.AnalyticsPortsContract;
import dev.aether.stats.domain.fakes.AnalyticsPorts;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.testsupport.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The analytics port contract, run against PostgreSQL. */
class PgAnalyticsContractTest extends AnalyticsPortsContract {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  private static PgTestApp app;

  @BeforeAll
  static void open() {
    app = new PgTestApp(DB.url());
  }

  @AfterAll
  static void close() {
    app.close();
  }

  @Override
  protected Fixture createFixture(BusinessCalendar calendar) {
    PgGatewayData data = new PgGatewayData(DB);
    data.truncateAll();
    PostgresAdapters a = app.adapters;
    StatsPorts ports = new StatsPorts(a.materializeDays(), a.refreshSummary(), a.loadSummary(), a.loadLiveTotals(),
        a.loadUserCounts(), a.dailyStatsReader(), a.userDailyStatsReader(), a.modelDailyStatsReader(),
        a.loadRollupState(), a.runLog(), a.tickLease());
    return new Fixture(ports, new AnalyticsPorts(a.breakdownReader(), a.latencyHistogramReader(),
        a.periodUsageReader()), data);
  }
}
