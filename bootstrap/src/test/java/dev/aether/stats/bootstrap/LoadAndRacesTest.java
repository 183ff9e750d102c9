package dev.aether.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.bootstrap.commands.ServeCommand;
import dev.aether.stats.bootstrap.config.EnvironmentConfig;
import dev.aether.stats.testsupport.FreshDatabase;
import io.vertx.core.Future;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Gateway-like writers insert and complete requests (today and, late, yesterday) while two service
 * instances tick every second and HTTP readers poll: no 5xx, no failed run, no duplicate row, and after a
 * last tick every stats table equals a fresh recompute from scratch.
 */
class LoadAndRacesTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();
  private static final String TOKEN = "load-test-token-0123456789";
  /** "Now" of both instances and the writers: the test never depends on when it runs (midnight included). */
  private static final Instant NOW = Instant.parse("2026-06-15T15:00:00Z");
  private static final java.time.Clock CLOCK = java.time.Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void writersTicksAndReadersTogether() throws Exception {
    Map<String, String> env = Map.of("STATS_DATABASE_URL", MainTest.urlWithPassword(DB.url()), "STATS_HTTP_PORT", "0",
        "STATS_ADMIN_TOKEN", TOKEN, "STATS_ROLLUP_INTERVAL", "PT1S");
    ServeCommand.RunningService one = ServeCommand.start(EnvironmentConfig.load(env), false, quiet(), CLOCK);
    DemoFill.fill(DB, one, 10, 500, 20, 42, NOW);
    ServeCommand.RunningService two = ServeCommand.start(EnvironmentConfig.load(env), false, quiet(), CLOCK);
    AtomicBoolean running = new AtomicBoolean(true);
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicInteger written = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> tasks = List.of(
          pool.submit(() -> write(running, errors, written, 0)),
          pool.submit(() -> write(running, errors, written, 1)),
          pool.submit(() -> read(one, running, errors, statuses)),
          pool.submit(() -> read(two, running, errors, statuses)));
      Thread.sleep(8_000);
      running.set(false);
      for (var t : tasks) {
        t.get(60, TimeUnit.SECONDS);
      }
      one.timer().stop();
      two.timer().stop();
      assertEquals(List.of(), errors);
      assertTrue(written.get() > 100, "writers wrote: " + written.get());
      assertTrue(statuses.keySet().stream().noneMatch(s -> s >= 500), "no 5xx: " + statuses);
      assertTrue(statuses.getOrDefault(200, new AtomicInteger()).get() > 50, "readers were served: " + statuses);

      // a last tick sees every write; then compare with a recompute from scratch
      Ticks.tickNow(one);
      String afterTicks = snapshot();
      assertEquals(0, DB.queryLong("SELECT count(*) FROM stats_rollup_runs WHERE status NOT IN ('succeeded')"), "no failed run");
      assertEquals(0, DB.queryLong("SELECT count(*) - count(DISTINCT date) FROM stats_daily"));
      assertEquals(0, DB.queryLong("SELECT count(*) - count(DISTINCT (user_id, date)) FROM stats_user_daily"));
      assertEquals(0, DB.queryLong("SELECT count(*) - count(DISTINCT (model, date)) FROM stats_daily_model"));
      assertEquals(1, DB.queryLong("SELECT count(*) FROM stats_summary"));

      DB.execute("DELETE FROM stats_daily", "DELETE FROM stats_user_daily", "DELETE FROM stats_daily_model",
          "DELETE FROM stats_summary");
      // the recompute from scratch: a backfill of all history, the same days the ticks' reconciliation keeps
      Future.fromCompletionStage(one.app().rollupService().backfill(java.util.OptionalInt.empty(),
          dev.aether.stats.domain.usecase.ProgressListener.NONE)).await();
      assertEquals(afterTicks, snapshot(), "the ticks' tables equal a fresh recompute");
    } finally {
      running.set(false);
      pool.shutdownNow();
      one.stop();
      two.stop();
    }
  }

  /** A writer: inserts requests (pending, today or late for yesterday) and completes earlier ones. */
  private static void write(AtomicBoolean running, List<Throwable> errors, AtomicInteger written, int writer) {
    try (Connection c = DB.connect();
         PreparedStatement ins = c.prepareStatement("INSERT INTO usage (id, user_id, request_id, provider, model,"
             + " status, created_at) VALUES (?, (SELECT id FROM users ORDER BY id LIMIT 1 OFFSET ?), ?, 'openai',"
             + " 'gpt-4o', 'pending', ?)");
         PreparedStatement done = c.prepareStatement("UPDATE usage SET status = 'completed', status_code = 200,"
             + " input_tokens = 100, output_tokens = 20, total_cost_usd = 0.0125, actual_total_cost_usd = 0.01,"
             + " response_time_ms = 800 WHERE id = ?")) {
      int i = 0;
      Instant startOfToday = NOW.truncatedTo(ChronoUnit.DAYS);
      while (running.get()) {
        i++;
        String id = "w" + writer + "-" + i;
        ins.setString(1, id);
        ins.setInt(2, i % 15);
        ins.setString(3, "req-" + id);
        // every third row arrives late, for yesterday
        Instant at = i % 3 == 0 ? startOfToday.minusSeconds(1 + i) : NOW.minusSeconds(i);
        ins.setTimestamp(4, Timestamp.from(at));
        ins.executeUpdate();
        if (i > 1 && i % 2 == 0) {
          done.setString(1, "w" + writer + "-" + (i - 1));
          done.executeUpdate();
        }
        written.incrementAndGet();
        Thread.sleep(5);
      }
    } catch (Exception e) {
      errors.add(e);
    }
  }

  private static void read(ServeCommand.RunningService s, AtomicBoolean running, List<Throwable> errors,
      Map<Integer, AtomicInteger> statuses) {
    Http http = new Http(s.port(), TOKEN);
    LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    String[] paths = {"/api/stats/combined", "/api/stats/today", "/api/stats/daily?from=" + today.minusDays(12)
        + "&to=" + today, "/api/stats/daily/models?from=" + today.minusDays(2) + "&to=" + today,
        "/api/stats/runs", "/health"};
    int i = 0;
    try {
      while (running.get()) {
        int status = http.get(paths[i++ % paths.length]).statusCode();
        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
      }
    } catch (Exception e) {
      errors.add(e);
    }
  }

  private static String snapshot() throws Exception {
    StringBuilder sb = new StringBuilder();
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      for (String q : new String[] {
          "SELECT (to_jsonb(t) - 'id' - 'created_at' - 'updated_at')::text FROM stats_daily t ORDER BY date",
          "SELECT (to_jsonb(t) - 'id' - 'created_at' - 'updated_at')::text FROM stats_user_daily t ORDER BY date, user_id",
          "SELECT (to_jsonb(t) - 'id' - 'created_at' - 'updated_at')::text FROM stats_daily_model t ORDER BY date, model",
          "SELECT (to_jsonb(t) - 'id' - 'created_at' - 'updated_at')::text FROM stats_summary t"}) {
        try (ResultSet rs = st.executeQuery(q)) {
          while (rs.next()) {
            sb.append(rs.getString(1)).append('\n');
          }
        }
      }
    }
    return sb.toString();
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream());
  }
}
