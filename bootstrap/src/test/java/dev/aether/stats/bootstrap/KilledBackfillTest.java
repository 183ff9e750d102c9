package dev.aether.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.testsupport.FreshDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A backfill killed with SIGKILL halfway: no day is half-written, its run shows as interrupted, and the
 * next backfill converges to what a recompute from scratch gives.
 */
class KilledBackfillTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  @Test
  void killedHalfwayThenRunAgain() throws Exception {
    Map<String, String> env = Map.of("STATS_DATABASE_URL", MainTest.urlWithPassword(DB.url()),
        "STATS_ROLLUP_BATCH_DAYS", "1", "STATS_ROLLUP_PARALLELISM", "1");
    assertEquals(0, Main.run(new String[] {"demo-data", "--days", "40", "--rows-per-day", "3000", "--users", "30"},
        env, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));

    try (ChildProcess child = ChildProcess.start(env, "backfill", "--days", "60")) {
      // let a few one-day batches commit, then kill it without warning
      for (int i = 0; i < 600 && child.lines.stream().filter(l -> l.contains("day(s) written")).count() < 3; i++) {
        Thread.sleep(50);
      }
      child.kill();
    }
    long written = DB.queryLong("SELECT count(*) FROM stats_daily");
    assertTrue(written >= 3 && written < 40, "killed halfway: " + written + " days written");
    // every stored day is whole: its per-model and per-user rows add up to it
    assertEquals(0, DB.queryLong("SELECT count(*) FROM stats_daily d WHERE d.total_requests <>"
        + " (SELECT coalesce(sum(total_requests), 0) FROM stats_daily_model m WHERE m.date = d.date)"));
    assertEquals(0, DB.queryLong("SELECT count(*) FROM stats_daily d WHERE d.total_requests <"
        + " (SELECT coalesce(sum(total_requests), 0) FROM stats_user_daily u WHERE u.date = d.date)"));

    // the next run reaps the dead one and finishes the work
    assertEquals(0, Main.run(new String[] {"backfill", "--days", "60"}, env,
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));
    assertEquals("interrupted", DB.queryText("SELECT status FROM stats_rollup_runs WHERE kind = 'backfill' ORDER BY id LIMIT 1"));
    assertTrue(DB.queryText("SELECT error FROM stats_rollup_runs WHERE kind = 'backfill' ORDER BY id LIMIT 1")
        .startsWith("interrupted"));
    // every day from the first usage day to the run's yesterday (from its record, not from the wall clock:
    // midnight may pass during the test), each once
    String lastDay = DB.queryText("SELECT last_day::text FROM stats_rollup_runs WHERE kind = 'backfill'"
        + " AND status = 'succeeded' ORDER BY id DESC LIMIT 1");
    assertEquals(DB.queryText("SELECT (min(created_at) AT TIME ZONE 'UTC')::date::text FROM usage"),
        DB.queryText("SELECT first_day::text FROM stats_rollup_runs WHERE kind = 'backfill' AND status = 'succeeded'"
            + " ORDER BY id DESC LIMIT 1"));
    assertEquals(DB.queryLong("SELECT '" + lastDay + "'::date - (min(created_at) AT TIME ZONE 'UTC')::date + 1 FROM usage"),
        DB.queryLong("SELECT count(*) FROM stats_daily WHERE date <= '" + lastDay + "'::date"));
    assertEquals(0, DB.queryLong("SELECT count(*) - count(DISTINCT date) FROM stats_daily"));
    String converged = snapshot(lastDay);
    DB.execute("DELETE FROM stats_daily", "DELETE FROM stats_user_daily", "DELETE FROM stats_daily_model");
    assertEquals(0, Main.run(new String[] {"backfill", "--days", "60"}, env,
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));
    assertEquals(converged, snapshot(lastDay), "equal to a recompute from scratch");
  }

  /** The stats rows of the days up to {@code lastDay}, as one hash. */
  private static String snapshot(String lastDay) throws Exception {
    String upTo = " WHERE t.date <= '" + lastDay + "'::date";
    return DB.queryText("SELECT md5(string_agg(x, ',' ORDER BY x)) FROM ("
        + " SELECT (to_jsonb(t) - 'id' - 'created_at' - 'updated_at')::text x FROM stats_daily t" + upTo
        + " UNION ALL SELECT (to_jsonb(t) - 'id' - 'created_at' - 'updated_at')::text FROM stats_user_daily t" + upTo
        + " UNION ALL SELECT (to_jsonb(t) - 'id' - 'created_at' - 'updated_at')::text FROM stats_daily_model t" + upTo
        + ") s");
  }
}
