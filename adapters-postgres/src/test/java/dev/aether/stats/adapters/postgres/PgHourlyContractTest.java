package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.contract.HourlyContract;
import dev.aether.stats.domain.fakes.HourPorts;
import dev.aether.stats.testsupport.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hour-bucket contract, run against PostgreSQL: the same tests the in-memory fake passes. */
class PgHourlyContractTest extends HourlyContract {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  static PgTestApp app;

  @BeforeAll
  static void open() {
    app = new PgTestApp(DB.url());
  }

  @AfterAll
  static void close() {
    app.close();
  }

  @Override
  protected HourFixture createFixture() {
    PgGatewayData data = new PgGatewayData(DB);
    data.truncateAll();
    PostgresAdapters a = app.adapters;
    return new HourFixture(new HourPorts(a.materializeHours(), a.hourlyStatsReader(), a.modelHourlyStatsReader(),
        a.findChangedHours()), data, a.materializeDays(), a.dailyStatsReader());
  }
}
