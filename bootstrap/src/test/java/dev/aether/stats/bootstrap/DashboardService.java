package dev.aether.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aether.stats.bootstrap.commands.ServeCommand;
import dev.aether.stats.bootstrap.config.EnvironmentConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * serve for the dashboard's browser tests: on an embedded PostgreSQL of its own (so a test can stop and
 * restart it, as DatabaseRestartTest does), with known rows, at a fixed "now" of 2026-03-15T12:00Z (UTC days).
 *
 * <pre>
 * users u1 alice, u2 bob, u3 carol (all active); keys k1 (u1), k2 (u2), k3 (u3, inactive)
 * day d = 0..9 is 2026-03-06 + d; it has 20 + 4d completed-or-failed rows i = 0..19+4d at 00:00 + 10 min * i:
 *   user u(1 + i % 3), provider openai (i even) / anthropic (i odd), model gpt-4o / claude-3 / gpt-4o-mini by (i + d) % 3,
 *   tokens in 100 + i, out 50 + i, cache write 10 * (i % 4), cache read 20 * (i % 5), cost (100 + i) / 10,000 USD,
 *   status 500 with a message when i % 9 == 0, 429 when i % 13 == 0 (and not i % 9), else 200;
 *   response time 200 + 10 i ms, first byte 50 + i ms
 * today (2026-03-15, d = 9) also has 2 pending rows at 10:00 and 10:10 (no status, no tokens, no cost)
 * requests with i % 10 == 0 have two executed attempts (failed, then success): one fallback each
 * </pre>
 */
final class DashboardService implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
  static final String TOKEN = "dashboard-token-0123456789";

  private final Path pgData;
  private final int pgPort;
  private EmbeddedPostgres db;
  final ServeCommand.RunningService service;
  final Http http;

  private DashboardService(Path pgData) throws Exception {
    this.pgData = pgData;
    try (ServerSocket s = new ServerSocket(0)) {
      pgPort = s.getLocalPort();
    }
    db = startDatabase();
    Map<String, String> env = Map.of("STATS_DATABASE_URL", "postgresql://postgres@127.0.0.1:" + pgPort + "/postgres",
        "STATS_HTTP_PORT", "0", "STATS_ADMIN_TOKEN", TOKEN, "STATS_ROLLUP_INTERVAL", "PT1H", "STATS_LIVE_CACHE", "PT0S");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    assertEquals(0, Main.run(new String[] {"migrate"}, env, quiet, quiet));
    seed();
    service = ServeCommand.start(EnvironmentConfig.load(env), false, quiet, Clock.fixed(NOW, ZoneOffset.UTC));
    http = new Http(service.port(), TOKEN);
  }

  static DashboardService start(Path pgData) throws Exception {
    return new DashboardService(pgData);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + service.port() + "/";
  }

  void stopDatabase() {
    try {
      db.close();
    } catch (Exception e) {
      throw new AssertionError("cannot stop the test database", e);
    }
  }

  /** Starts it again on the same port and data. */
  void restartDatabase() throws Exception {
    db = startDatabase();
  }

  long query(String sql) throws Exception {
    try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() throws Exception {
    service.stop();
    db.close();
  }

  private EmbeddedPostgres startDatabase() throws Exception {
    return EmbeddedPostgres.builder().setPort(pgPort).setDataDirectory(pgData).setCleanDataDirectory(false)
        .setServerConfig("fsync", "off").start();
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres", null);
  }

  private void seed() throws Exception {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute("INSERT INTO users (id, email, username, password_hash) VALUES"
          + " ('u1', 'alice@example.invalid', 'alice', 'x'), ('u2', 'bob@example.invalid', 'bob', 'x'),"
          + " ('u3', 'carol@example.invalid', 'carol', 'x')");
      st.execute("INSERT INTO api_keys (id, user_id, key_hash, name, is_active) VALUES"
          + " ('k1', 'u1', 'h1', 'alice key', true), ('k2', 'u2', 'h2', 'bob key', true),"
          + " ('k3', 'u3', 'h3', 'carol key', false)");
      st.execute("INSERT INTO usage (id, user_id, api_key_id, request_id, provider, model, input_tokens, output_tokens,"
          + " total_tokens, cache_creation_input_tokens, cache_read_input_tokens, total_cost_usd, actual_total_cost_usd,"
          + " status_code, error_message, response_time_ms, first_byte_time_ms, status, created_at)"
          + " SELECT 'r-' || d || '-' || i, 'u' || (1 + i % 3), 'k' || (1 + i % 3), 'req-' || d || '-' || i,"
          + "   CASE WHEN i % 2 = 0 THEN 'openai' ELSE 'anthropic' END,"
          + "   (ARRAY['gpt-4o', 'claude-3', 'gpt-4o-mini'])[1 + (i + d) % 3],"
          + "   100 + i, 50 + i, 150 + 2 * i, 10 * (i % 4), 20 * (i % 5), (100 + i) / 10000.0, (100 + i) / 10000.0,"
          + "   CASE WHEN i % 9 = 0 THEN 500 WHEN i % 13 = 0 THEN 429 ELSE 200 END,"
          + "   CASE WHEN i % 9 = 0 THEN 'upstream error' END,"
          + "   200 + 10 * i, 50 + i, CASE WHEN i % 9 = 0 OR i % 13 = 0 THEN 'failed' ELSE 'completed' END,"
          + "   timestamptz '2026-03-06T00:00:00Z' + d * interval '1 day' + i * interval '10 minutes'"
          + " FROM generate_series(0, 9) AS d CROSS JOIN LATERAL generate_series(0, 19 + 4 * d) AS i");
      st.execute("INSERT INTO usage (id, user_id, request_id, provider, model, status, created_at) VALUES"
          + " ('p-1', 'u1', 'req-p-1', 'openai', 'gpt-4o', 'pending', '2026-03-15T10:00:00Z'),"
          + " ('p-2', 'u2', 'req-p-2', 'anthropic', 'claude-3', 'pending', '2026-03-15T10:10:00Z')");
      st.execute("INSERT INTO request_candidates (id, request_id, candidate_index, status, created_at)"
          + " SELECT 'c-' || request_id || '-' || a, request_id, a, CASE WHEN a = 0 THEN 'failed' ELSE 'success' END,"
          + "   created_at + a * interval '2 seconds'"
          + " FROM usage CROSS JOIN generate_series(0, 1) AS a WHERE id LIKE 'r-%' AND split_part(id, '-', 3)::int % 10 = 0");
    }
  }
}
