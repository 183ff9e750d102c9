package dev.aether.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.testsupport.FreshDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** demo-data, backfill and rollup as an operator runs them: exit codes, output, and the numbers stored. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollupCommandsTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    Map<String, String> env = Map.of("STATS_DATABASE_URL", MainTest.urlWithPassword(DB.url()),
        "STATS_ROLLUP_BATCH_DAYS", "2");
    return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  @Order(1)
  void backfillMaterializesEveryClosedDayAndTheSummaryEqualsADirectSum() throws Exception {
    assertEquals(0, run("demo-data", "--days", "5", "--rows-per-day", "400", "--users", "12", "--seed", "3"),
        err.toString());
    assertTrue(stdout().contains("2,000 usage rows"), stdout());

    assertEquals(0, run("backfill", "--days", "30"), err.toString());
    // the days come from the run's own record and the data, not from the wall clock: demo-data and backfill
    // read the clock themselves, and midnight may pass between them
    long days = DB.queryLong("SELECT last_day - first_day + 1 FROM stats_rollup_runs WHERE kind = 'backfill'");
    assertEquals(DB.queryText("SELECT (min(created_at) AT TIME ZONE 'UTC')::date::text FROM usage"),
        DB.queryText("SELECT first_day::text FROM stats_rollup_runs WHERE kind = 'backfill'"), "from the first usage day");
    assertTrue(days == 5 || days == 6, "5 days of data end now: 5 closed days, or 6 right after midnight: " + days);
    // batches of 2 days: one progress line per batch, then the final line
    long batchLines = stdout().lines().filter(l -> l.matches("backfill: \\d{4}-\\d\\d-\\d\\d\\.\\.\\S+: .*")).count();
    assertEquals((days + 1) / 2, batchLines, stdout());
    assertTrue(stdout().contains("backfill: done: run "), stdout());

    assertEquals(days, DB.queryLong("SELECT count(*) FROM stats_daily"), "every day from the first usage day to yesterday");
    assertEquals(DB.queryText("SELECT first_day::text FROM stats_rollup_runs WHERE kind = 'backfill'"),
        DB.queryText("SELECT min(date AT TIME ZONE 'UTC')::date::text FROM stats_daily"));
    assertEquals(DB.queryLong("SELECT count(*) FROM usage WHERE created_at < (SELECT cutoff_date FROM stats_summary)"),
        DB.queryLong("SELECT all_time_requests FROM stats_summary"));
    assertEquals(DB.queryLong("SELECT sum(input_tokens) FROM usage WHERE created_at < (SELECT cutoff_date FROM stats_summary)"),
        DB.queryLong("SELECT all_time_input_tokens FROM stats_summary"));
    assertEquals(1, DB.queryLong("SELECT count(*) FROM stats_rollup_runs WHERE kind = 'backfill' AND status = 'succeeded'"));

    // the hour buckets of every backfilled day (UTC days: 24 whole hours each), each equal to a direct count
    // of its rows, and every day equal to the sum of its hours
    assertEquals(days * 24, DB.queryLong("SELECT count(*) FROM stats_hourly h JOIN stats_rollup_runs r"
        + " ON r.kind = 'backfill' AND h.hour >= r.first_day::timestamp AT TIME ZONE 'UTC'"
        + " AND h.hour < (r.last_day + 1)::timestamp AT TIME ZONE 'UTC' AND h.covers_until = h.hour + interval '1 hour'"));
    assertEquals(0, DB.queryLong("SELECT count(*) FROM stats_hourly h CROSS JOIN LATERAL (SELECT count(*) AS n,"
        + " coalesce(sum(u.input_tokens), 0) AS t FROM usage u WHERE u.created_at >= h.hour"
        + " AND u.created_at < h.hour + interval '1 hour') x"
        + " WHERE h.covers_until = h.hour + interval '1 hour' AND (h.total_requests, h.input_tokens) IS DISTINCT FROM (x.n, x.t)"));
    assertEquals(0, DB.queryLong("SELECT count(*) FROM stats_daily d CROSS JOIN LATERAL (SELECT sum(h.total_requests) AS n,"
        + " sum(h.output_tokens) AS o, sum(h.fallback_count) AS f FROM stats_hourly h"
        + " WHERE h.hour >= d.date AND h.hour < d.date + interval '1 day') x"
        + " WHERE (d.total_requests, d.output_tokens, d.fallback_count) IS DISTINCT FROM (x.n, x.o, x.f)"));
  }

  @Test
  @Order(2)
  void backfillAfterRetentionLeavesOlderDaysUntouchedAndSaysSo() throws Exception {
    String before = DB.queryText("SELECT string_agg(date::text || total_requests || '/' || total_cost, ','"
        + " ORDER BY date) FROM stats_daily WHERE date < current_date - 2");
    // the gateway's retention job deletes everything before the middle of the day 3 days ago
    DB.execute("DELETE FROM usage WHERE created_at < (current_date - 3)::timestamptz + interval '12 hours'");
    assertEquals(0, run("backfill", "--days", "3650"), err.toString());
    assertTrue(stdout().contains("skipped"), stdout());
    assertTrue(stdout().contains("cannot be rebuilt"), stdout());
    assertEquals(before, DB.queryText("SELECT string_agg(date::text || total_requests || '/' || total_cost, ','"
        + " ORDER BY date) FROM stats_daily WHERE date < current_date - 2"));
  }

  @Test
  @Order(3)
  void rollupOfAFutureDayIsBadUsage() {
    LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2);
    assertEquals(2, run("rollup", "--from", "2026-01-01", "--to", tomorrow.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("is after today"), err.toString());
  }

  @Test
  @Order(4)
  void rollupOfARangeWritesItsDays() throws Exception {
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    assertEquals(0, run("rollup", "--from", yesterday.minusDays(1).toString(), "--to", yesterday.toString()),
        err.toString());
    assertTrue(stdout().contains("rollup: done: run"), stdout());
    assertTrue(stdout().contains("2 day(s) written"), stdout());
  }
}
