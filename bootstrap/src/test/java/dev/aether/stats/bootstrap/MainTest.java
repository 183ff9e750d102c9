package dev.aether.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.changelog.PostgresUrl;
import dev.aether.stats.testsupport.FreshDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exit codes and one-line messages of the command line, on a real database. */
class MainTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void badConfigurationExits2WithOneLine() {
    assertEquals(2, run(Map.of("STATS_TIMEZONE", "Nowhere/Land"), "migrate"));
    assertEquals(1, stderr().lines().count(), stderr());
    assertTrue(stderr().contains("STATS_TIMEZONE 'Nowhere/Land' is not an IANA time zone"), stderr());
  }

  @Test
  void badPortAndUrlExit2() {
    assertEquals(2, run(Map.of("STATS_HTTP_PORT", "65536"), "serve"));
    assertTrue(stderr().contains("STATS_HTTP_PORT 65536 is out of range"), stderr());
    assertEquals(2, run(Map.of("STATS_DATABASE_URL", "not a url"), "migrate"));
    assertTrue(stderr().contains("STATS_DATABASE_URL"), stderr());
  }

  @Test
  void badUsageExits2() {
    assertEquals(2, run(Map.of(), "frobnicate"));
    assertTrue(stderr().startsWith("aether-stats: unknown command 'frobnicate'"), stderr());
  }

  @Test
  void helpExits0() {
    assertEquals(0, run(Map.of(), "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: java -jar aether-stats.jar COMMAND"));
  }

  @Test
  void migrateOnAnUpToDateDatabaseAppliesNothing() {
    assertEquals(0, run(Map.of("STATS_DATABASE_URL", urlWithPassword(DB.url())), "migrate"), stderr());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("migrate: 0 changeset(s) applied"), out.toString());
  }

  @Test
  void anUnreachableDatabaseExits1WithTheReasonAndNoPassword() {
    assertEquals(1, run(Map.of("STATS_DATABASE_URL", "postgresql://u:hunter2hunter2@127.0.0.1:1/nodb"), "migrate"));
    assertEquals(1, stderr().lines().count(), stderr());
    assertTrue(stderr().contains("cannot migrate the database"), stderr());
    assertTrue(!stderr().contains("hunter2"), "password leaked: " + stderr());
  }

  static String urlWithPassword(PostgresUrl u) {
    return "postgresql://" + u.user() + (u.password() == null ? "" : ":" + u.password()) + "@" + u.host() + ":"
        + u.port() + "/" + u.database();
  }
}
