package dev.aether.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.bootstrap.commands.ServeCommand;
import dev.aether.stats.bootstrap.config.EnvironmentConfig;
import dev.aether.stats.bootstrap.config.StatsConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no database configured, serve starts its own embedded PostgreSQL under STATS_DATA_DIR, answers
 * /health, and a second start finds the data of the first.
 */
class ServeWithEmbeddedDatabaseTest {
  @TempDir Path dataDir;

  @Test
  void servesHealthAndKeepsItsDataAcrossRestarts() throws Exception {
    StatsConfig config = EnvironmentConfig.load(Map.of(
        "STATS_DATA_DIR", dataDir.toString(), "STATS_HTTP_PORT", "0", "STATS_ROLLUP_INTERVAL", "PT1H"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    long t0 = System.nanoTime();
    ServeCommand.RunningService first = ServeCommand.start(config, false, new PrintStream(out, true));
    try {
      assertEquals(200, health(first.port()).statusCode());
      assertTrue((System.nanoTime() - t0) / 1e9 < 60, "started");
      assertTrue(health(first.port()).body().contains("\"status\":\"UP\""));
      assertTrue(out.toString().contains("started in"), out.toString());
      assertTrue(out.toString().strip().endsWith("open http://127.0.0.1:" + first.port()), "the page's address last: " + out);
      assertTrue(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION")), "data under STATS_DATA_DIR");
      execute(out.toString(), "INSERT INTO users (id, email, username, password_hash) VALUES ('keep-me','k@x','k','h')");
    } finally {
      first.stop();
    }

    out.reset();
    ServeCommand.RunningService second = ServeCommand.start(config, false, new PrintStream(out, true));
    try {
      assertEquals(200, health(second.port()).statusCode());
      assertEquals("keep-me", query(out.toString(), "SELECT id FROM users WHERE id = 'keep-me'"));
    } finally {
      second.stop();
    }
  }

  private static HttpResponse<String> health(int port) throws Exception {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The embedded server's port, read from the start line ("database: embedded PostgreSQL postgresql://...:PORT/..."). */
  private static String jdbcUrl(String startLine) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("postgresql://postgres@127\\.0\\.0\\.1:(\\d+)/postgres")
        .matcher(startLine);
    assertTrue(m.find(), startLine);
    return "jdbc:postgresql://127.0.0.1:" + m.group(1) + "/postgres";
  }

  private static void execute(String startLine, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl(startLine), "postgres", null);
         Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static String query(String startLine, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl(startLine), "postgres", null);
         Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
