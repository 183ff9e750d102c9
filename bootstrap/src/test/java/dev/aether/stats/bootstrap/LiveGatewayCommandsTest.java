package dev.aether.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.bootstrap.commands.ServeCommand;
import dev.aether.stats.bootstrap.config.EnvironmentConfig;
import dev.aether.stats.testsupport.FreshDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The commands on a live gateway's database, as an operator runs them: what they refuse (exit 2, one line,
 * nothing changed) and what they keep off stdout.
 */
class LiveGatewayCommandsTest {
  @RegisterExtension static final FreshDatabase UNSUPPORTED = FreshDatabase.unmigrated();
  @RegisterExtension static final FreshDatabase GATEWAY = new FreshDatabase();
  @RegisterExtension static final FreshDatabase SERVED = new FreshDatabase();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(FreshDatabase db, String... args) {
    return Main.run(args, Map.of("STATS_DATABASE_URL", MainTest.urlWithPassword(db.url())),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aGatewaySchemaWeCannotReadIsRefusedByEveryCommandWithOneLineAndNothingChanged() throws Exception {
    UNSUPPORTED.execute("CREATE TABLE usage (id varchar(36) PRIMARY KEY, provider_name varchar(100), model varchar(100),"
        + " created_at timestamptz NOT NULL DEFAULT now())");
    for (String[] command : new String[][] {{"migrate"}, {"backfill", "--days", "3"}}) {
      err.reset();
      assertEquals(2, run(UNSUPPORTED, command), stderr());
      assertEquals(1, stderr().lines().count(), stderr());
      assertTrue(stderr().startsWith("aether-stats: usage.user_id, usage.api_key_id, usage.request_id, usage.first_byte_time_ms, usage.provider, usage.status,"), stderr());
      assertTrue(stderr().contains("are missing: this gateway schema is not supported (expected columns: usage("),
          stderr());
      assertEquals(0, UNSUPPORTED.queryLong("SELECT count(*) FROM pg_class WHERE relname LIKE 'databasechangelog%'"
          + " OR relname LIKE 'stats_%' OR relname IN ('users', 'api_keys', 'request_candidates')"), "nothing created");
    }
  }

  @Test
  void demoDataRefusesADatabaseWithRealTrafficUnlessForced() throws Exception {
    GATEWAY.execute("INSERT INTO usage (id, request_id, provider, model, created_at)"
        + " VALUES ('real-1', 'real-req-1', 'openai', 'gpt-4o', now() - interval '1 day')");

    assertEquals(2, run(GATEWAY, "demo-data", "--days", "2", "--rows-per-day", "50", "--users", "3"), stderr());
    assertEquals(1, stderr().lines().count(), stderr());
    assertTrue(stderr().contains("demo-data: usage already holds rows that demo-data did not generate"), stderr());
    assertEquals(1, GATEWAY.queryLong("SELECT count(*) FROM usage"), "nothing inserted");

    assertEquals(0, run(GATEWAY, "demo-data", "--days", "2", "--rows-per-day", "50", "--users", "3", "--force"),
        stderr());
    assertEquals(101, GATEWAY.queryLong("SELECT count(*) FROM usage"), "the real row and 2 x 50 generated ones");
  }

  @Test
  void demoDataFillsADatabaseOfItsOwnAgainAndAgain() throws Exception {
    FreshDatabase db = SERVED;
    assertEquals(0, db.queryLong("SELECT count(*) FROM pg_proc WHERE proname = 'stats_demo_fill'"),
        "a plain migrate installs no demo function");
    assertEquals(0, run(db, "demo-data", "--days", "1", "--rows-per-day", "20", "--users", "2", "--seed", "1"), stderr());
    assertEquals(0, run(db, "demo-data", "--days", "1", "--rows-per-day", "20", "--users", "2", "--seed", "2"), stderr());
    assertEquals(40, db.queryLong("SELECT count(*) FROM usage"), "generated rows are not foreign");
  }

  @Test
  void aGeneratedAdminTokenGoesToStderrNeverToStdout() throws Exception {
    Map<String, String> env = Map.of("STATS_DATABASE_URL", MainTest.urlWithPassword(SERVED.url()),
        "STATS_HTTP_PORT", "0", "STATS_ROLLUP_INTERVAL", "PT1H");
    ServeCommand.RunningService service = ServeCommand.start(EnvironmentConfig.load(env), false,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      String token = service.app().adminToken().value();
      assertTrue(service.app().adminToken().generated());
      assertTrue(stderr().contains("admin token (STATS_ADMIN_TOKEN unset, generated for this run): " + token), stderr());
      assertFalse(stdout().contains(token), "token on stdout: " + stdout());
      assertTrue(stdout().contains("aether-stats serving on http://"), stdout());
    } finally {
      service.stop();
    }
  }

  @Test
  void aLimitAboveWhatTheServiceAcceptsExits2AtStartNotLater() {
    // serve would otherwise migrate, connect, and only then fail (exit 1) when the HTTP API refuses the value
    int code = Main.run(new String[] {"serve"}, Map.of("STATS_DATABASE_URL", MainTest.urlWithPassword(SERVED.url()),
            "STATS_HTTP_PORT", "0", "STATS_MAX_RANGE_DAYS", "3651"),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code, stderr());
    assertEquals("aether-stats: bad configuration: STATS_MAX_RANGE_DAYS 3651 is out of range 1..3650",
        stderr().strip());
  }
}
