package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.contract.PortsFixture;
import dev.aether.stats.domain.contract.StatsPortsContract;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.testsupport.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The domain's port contract, run against PostgreSQL: the same tests the in-memory fake passes. */
class PgStatsPortsContractTest extends StatsPortsContract {
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
  protected PortsFixture createFixture(BusinessCalendar calendar) {
    PgGatewayData data = new PgGatewayData(DB);
    data.truncateAll();
    PostgresAdapters a = app.adapters;
    StatsPorts ports = new StatsPorts(a.materializeDays(), a.refreshSummary(), a.loadSummary(), a.loadLiveTotals(),
        a.loadUserCounts(), a.dailyStatsReader(), a.userDailyStatsReader(), a.modelDailyStatsReader(),
        a.loadRollupState(), a.runLog(), a.tickLease());
    return new PortsFixture(ports, data, calendar);
  }
}
