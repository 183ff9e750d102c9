package dev.aether.stats.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentConfigTest {

  @Test
  void defaultsAreTheContractsDefaults() throws Exception {
    StatsConfig c = EnvironmentConfig.load(Map.of());
    assertTrue(c.databaseUrl().isEmpty());
    assertEquals(Path.of("./data"), c.dataDir());
    assertEquals(ZoneId.of("UTC"), c.timeZone());
    assertEquals("127.0.0.1", c.httpHost());
    assertEquals(8080, c.httpPort());
    assertTrue(c.adminToken().isEmpty());
    assertEquals(Duration.ofMinutes(5), c.rollupInterval());
    assertEquals(2, c.settleDays());
    assertEquals(java.util.OptionalInt.empty(), c.backfillDays(), "unset: all of history");
    assertEquals(4, c.tickMaxBatches());
    assertEquals(Duration.ofHours(1), c.settleInterval());
  }

  @Test
  void readsEveryVariable() throws Exception {
    StatsConfig c = EnvironmentConfig.load(Map.of(
        "STATS_DATABASE_URL", "postgresql://stats:s%40cret@db.example:6543/gateway",
        "STATS_TIMEZONE", "Asia/Kathmandu",
        "STATS_HTTP_PORT", "9090",
        "STATS_ADMIN_TOKEN", "0123456789abcdef-token",
        "STATS_ROLLUP_INTERVAL", "PT30S",
        "STATS_SETTLE_DAYS", "3",
        "STATS_BACKFILL_DAYS", "90",
        "STATS_TICK_MAX_BATCHES", "7"));
    assertEquals("db.example", c.databaseUrl().orElseThrow().host());
    assertEquals(6543, c.databaseUrl().orElseThrow().port());
    assertEquals("s@cret", c.databaseUrl().orElseThrow().password());
    assertEquals("gateway", c.databaseUrl().orElseThrow().database());
    assertEquals(ZoneId.of("Asia/Kathmandu"), c.timeZone());
    assertEquals(9090, c.httpPort());
    assertEquals(Duration.ofSeconds(30), c.rollupInterval());
    assertEquals(3, c.settleDays());
    assertEquals(java.util.OptionalInt.of(90), c.backfillDays());
    assertEquals(7, c.tickMaxBatches());
  }

  @Test
  void eachBadValueIsReportedWithItsVariableName() {
    ConfigException e = assertThrows(ConfigException.class, () -> EnvironmentConfig.load(Map.of(
        "STATS_DATABASE_URL", "mysql://x@h/db",
        "STATS_TIMEZONE", "Mars/Olympus",
        "STATS_HTTP_PORT", "70000",
        "STATS_ROLLUP_INTERVAL", "5 minutes",
        "STATS_SETTLE_DAYS", "-1",
        "STATS_BACKFILL_DAYS", "lots",
        "STATS_TICK_MAX_BATCHES", "0")));
    List<String> p = e.problems();
    assertEquals(7, p.size(), p.toString());
    assertTrue(p.get(0).startsWith("STATS_DATABASE_URL has scheme 'mysql'"), p.get(0));
    assertTrue(p.get(1).contains("STATS_TIMEZONE 'Mars/Olympus' is not an IANA time zone"), p.get(1));
    assertTrue(p.get(2).contains("STATS_HTTP_PORT 70000 is out of range 0..65535"), p.get(2));
    assertTrue(p.get(3).contains("STATS_ROLLUP_INTERVAL '5 minutes' is not an ISO-8601 duration"), p.get(3));
    assertTrue(p.get(4).contains("STATS_SETTLE_DAYS -1 is out of range"), p.get(4));
    assertTrue(p.get(5).contains("STATS_BACKFILL_DAYS 'lots' is not a whole number"), p.get(5));
    assertTrue(p.get(6).contains("STATS_TICK_MAX_BATCHES 0 is out of range 1..1000"), p.get(6));
  }

  @Test
  void unparseableUrlsSayWhatIsMissingAndNeverShowThePassword() {
    for (String[] c : new String[][] {
        {"postgresql://user:topsecret@/db", "has no host"},
        {"postgresql://user:topsecret@host:5432", "names no database"},
        {"postgresql://host:5432/db", "names no user"},
        {"jdbc:postgresql://host/db", "must not start with 'jdbc:'"},
        {"postgresql://user:topsecret@host:99999/db", "has port 99999 outside 1..65535"},
        {"mysql://user:topsecret@host/db", "has scheme 'mysql'"}}) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> EnvironmentConfig.load(Map.of("STATS_DATABASE_URL", c[0])), c[0]);
      assertTrue(e.getMessage().contains(c[1]), e.getMessage());
      assertFalse(e.getMessage().contains("topsecret"), "password leaked: " + e.getMessage());
    }
  }

  @Test
  void theTuningKnobsAreBoundedToo() {
    ConfigException e = assertThrows(ConfigException.class, () -> EnvironmentConfig.load(Map.of(
        "STATS_ROLLUP_PARALLELISM", "9", "STATS_LIVE_CACHE", "PT5M", "STATS_ROLLUP_BATCH_DAYS", "0")));
    assertEquals(3, e.problems().size(), e.problems().toString());
    assertTrue(e.getMessage().contains("STATS_ROLLUP_BATCH_DAYS 0 is out of range 1..366"), e.getMessage());
    assertTrue(e.getMessage().contains("STATS_ROLLUP_PARALLELISM 9 is out of range 1..4"), e.getMessage());
    assertTrue(e.getMessage().contains("STATS_LIVE_CACHE 'PT5M' must be between PT0S and PT1M"), e.getMessage());
  }

  @Test
  void aShortAdminTokenIsRejectedWithoutEchoingIt() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> EnvironmentConfig.load(Map.of("STATS_ADMIN_TOKEN", "short-secret")));
    assertTrue(e.getMessage().contains("STATS_ADMIN_TOKEN must be at least 16"));
    assertFalse(e.getMessage().contains("short-secret"));
  }

  @Test
  void theUrlIsLoggableWithoutItsPassword() throws Exception {
    StatsConfig c = EnvironmentConfig.load(Map.of("STATS_DATABASE_URL", "postgresql://u:pw123456@h/db"));
    assertEquals("postgresql://u:***@h:5432/db", c.databaseUrl().orElseThrow().toString());
  }

  @Test
  void everyLimitIsTheOneItsConsumerAccepts() throws Exception {
    // the HTTP API and the rollup service refuse ranges and backfills above 3650 days: so does the configuration
    assertEquals(3650, EnvironmentConfig.load(Map.of("STATS_MAX_RANGE_DAYS", "3650")).maxRangeDays());
    ConfigException e = assertThrows(ConfigException.class,
        () -> EnvironmentConfig.load(Map.of("STATS_MAX_RANGE_DAYS", "3651", "STATS_BACKFILL_DAYS", "3651")));
    assertEquals(List.of("STATS_BACKFILL_DAYS 3651 is out of range 1..3650",
        "STATS_MAX_RANGE_DAYS 3651 is out of range 1..3650"), e.problems());
  }

  @Test
  void noSecretShowsInTheConfigurationsToString() throws Exception {
    StatsConfig c = EnvironmentConfig.load(Map.of(
        "STATS_DATABASE_URL", "postgresql://stats:db-pass-9f8e7d@db.example:6543/gateway",
        "STATS_ADMIN_TOKEN", "admin-token-5a4b3c2d1e"));
    String shown = c.toString();
    assertFalse(shown.contains("db-pass-9f8e7d"), shown);
    assertFalse(shown.contains("admin-token-5a4b3c2d1e"), shown);
    assertTrue(shown.contains("db.example:6543/gateway") && shown.contains("adminToken=<redacted>"), shown);
  }

  @Test
  void theDashboardIsOnUnlessTurnedOff() throws Exception {
    assertTrue(EnvironmentConfig.load(Map.of()).dashboard());
    assertTrue(EnvironmentConfig.load(Map.of("STATS_DASHBOARD", "on")).dashboard());
    assertFalse(EnvironmentConfig.load(Map.of("STATS_DASHBOARD", "off")).dashboard());
    ConfigException e = assertThrows(ConfigException.class,
        () -> EnvironmentConfig.load(Map.of("STATS_DASHBOARD", "false")));
    assertEquals(List.of("STATS_DASHBOARD 'false' must be on or off"), e.problems());
  }
}
