package dev.aether.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.bootstrap.commands.ServeCommand;
import dev.aether.stats.bootstrap.config.EnvironmentConfig;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away while serve runs and comes back: /health says so both ways, the API answers
 * 503 quickly meanwhile (no hang), the timer resumes by itself, nothing is lost or doubled.
 */
class DatabaseRestartTest {
  @TempDir Path pgData;

  @Test
  void theServiceRidesOutADatabaseRestart() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    EmbeddedPostgres db = start(port);
    String url = "postgresql://postgres@127.0.0.1:" + port + "/postgres";
    Map<String, String> env = Map.of("STATS_DATABASE_URL", url, "STATS_HTTP_PORT", "0",
        "STATS_ADMIN_TOKEN", "restart-token-0123456789", "STATS_ROLLUP_INTERVAL", "PT1S");
    assertEquals(0, Main.run(new String[] {"demo-data", "--days", "5", "--rows-per-day", "200", "--users", "10"},
        env, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));

    ServeCommand.RunningService service = ServeCommand.start(EnvironmentConfig.load(env), false,
        new PrintStream(new ByteArrayOutputStream()));
    Http http = new Http(service.port(), "restart-token-0123456789");
    try {
      assertEquals(200, http.get("/health").statusCode());
      waitFor(() -> count(port, "SELECT count(*) FROM stats_rollup_runs WHERE status = 'succeeded'") >= 1);

      db.close(); // the database goes down
      long t0 = System.nanoTime();
      HttpResponse<String> health = http.get("/health");
      assertEquals(503, health.statusCode(), health.body());
      HttpResponse<String> api = http.get("/api/stats/combined");
      assertEquals(503, api.statusCode(), api.body());
      assertEquals("database_unavailable", new JsonObject(api.body()).getString("error"));
      assertTrue((System.nanoTime() - t0) / 1e9 < 25, "answers come in bounded time");
      // ticks fail meanwhile (and are retried with backoff), the server stays up
      waitFor(() -> service.timer().consecutiveFailures() >= 2);

      db = start(port); // and comes back on the same address
      waitFor(() -> http.get("/health").statusCode() == 200);
      long runsAfterRestart = count(port, "SELECT count(*) FROM stats_rollup_runs WHERE status = 'succeeded'");
      waitFor(() -> count(port, "SELECT count(*) FROM stats_rollup_runs WHERE status = 'succeeded'")
          > runsAfterRestart);
      assertEquals(0, service.timer().consecutiveFailures(), "the timer recovered by itself");

      JsonObject combined = http.getObject("/api/stats/combined");
      assertEquals(count(port, "SELECT count(*) FROM usage"), combined.getLong("total_requests"));
      assertEquals(0, count(port, "SELECT count(*) - count(DISTINCT date) FROM stats_daily"), "nothing doubled");
      assertEquals(count(port, "SELECT count(*) FROM usage WHERE created_at < current_date"),
          count(port, "SELECT all_time_requests FROM stats_summary"), "nothing lost");
    } finally {
      service.stop();
      db.close();
    }
  }

  private EmbeddedPostgres start(int port) throws Exception {
    return EmbeddedPostgres.builder().setPort(port).setDataDirectory(pgData).setCleanDataDirectory(false)
        .setServerConfig("fsync", "off").start();
  }

  private static long count(int port, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
         Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private static void waitFor(Check check) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      try {
        if (check.ok()) {
          return;
        }
      } catch (Exception e) {
        // the database may still be starting
      }
      Thread.sleep(200);
    }
    throw new AssertionError("condition not met within 60 s");
  }
}
