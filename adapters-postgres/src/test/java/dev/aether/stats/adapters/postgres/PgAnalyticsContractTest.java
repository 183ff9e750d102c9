package dev.aether.stats.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.contract.AnalyticsScenario;
import dev.aether.stats.domain.model.Breakdown;
import dev.aether.stats.domain.contract.AnalyticsPortsContract;
import dev.aether.stats.domain.fakes.AnalyticsPorts;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.testsupport.FreshDatabase;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The analytics port contract, run against PostgreSQL, and what only a database shows (deleted keys). */
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

  @Test
  void summedKeysKeepTheStoredNameOfADeletedKeyAndShowARenamedOnesNewName() throws Exception {
    // the scenario's days are materialized with "key k1" and "key k2"; then the gateway changes its keys
    DB.execute("UPDATE api_keys SET name = 'renamed' WHERE id = 'k1'", "DELETE FROM api_keys WHERE id = 'k2'");
    LocalDate d13 = LocalDate.of(2026, 3, 13);
    LocalDate d14 = LocalDate.of(2026, 3, 14);
    DayBounds bounds = AnalyticsScenario.calendar().bounds(new DayRange(d13, d14));
    Map<String, String> names = new TreeMap<>();
    PgTestApp.await(app.adapters.breakdownReader().storedSums(Breakdown.API_KEY, bounds, Set.of(d13, d14)))
        .forEach(r -> names.put(r.key(), r.name() + " " + r.figures().totals().totalRequests()));
    assertEquals(Map.of("k1", "renamed 3", "k2", "key k2 2"), names);
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
