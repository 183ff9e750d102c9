package dev.aether.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.bootstrap.commands.ServeCommand;
import dev.aether.stats.bootstrap.config.EnvironmentConfig;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.model.CombinedStats;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.usecase.ProgressListener;
import dev.aether.stats.domain.usecase.TickResult;
import dev.aether.stats.testsupport.FreshDatabase;
import io.vertx.core.Future;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cases that used to leave the statistics wrong for good, each replayed as an operator met it, on the
 * running service (its timer's tick driven by the test, its clock fixed): a failed batch in one lane, a
 * zone change, history older than a year, a manual rollup of one day on an empty database. After the
 * ticks, every closed day is stored once and combined equals a direct count over usage.
 */
class ReconciliationScenariosTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  @BeforeEach
  void empty() throws Exception {
    DB.execute("DROP TRIGGER IF EXISTS fail_one_day ON stats_daily", "DROP FUNCTION IF EXISTS fail_one_day()",
        "TRUNCATE stats_daily, stats_user_daily, stats_daily_model, stats_summary, stats_rollup_runs,"
            + " stats_hourly, stats_hourly_model, stats_hourly_provider",
        "TRUNCATE request_candidates, usage, api_keys, users CASCADE");
  }

  private static ServeCommand.RunningService serve(Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("STATS_DATABASE_URL", MainTest.urlWithPassword(DB.url()),
        "STATS_HTTP_PORT", "0", "STATS_ROLLUP_INTERVAL", "PT1H"));
    env.putAll(extra);
    ServeCommand.RunningService s = ServeCommand.start(EnvironmentConfig.load(env), false,
        new PrintStream(new ByteArrayOutputStream()), Clock.fixed(NOW, ZoneOffset.UTC));
    Future.fromCompletionStage(s.timer().stop()).await(); // this test ticks it
    return s;
  }

  /** Ticks until nothing is left for later; returns the last tick. */
  private static TickResult tickUntilQuiet(ServeCommand.RunningService s) throws Exception {
    for (int i = 0; i < 100; i++) {
      TickResult r = Ticks.tickNow(s);
      if (!r.hasMore()) {
        return r;
      }
    }
    throw new AssertionError("not quiet after 100 ticks");
  }

  private static void assertEveryDayOnceAndCombinedExact(ServeCommand.RunningService s, String zone) throws Exception {
    String dayStart = "((date AT TIME ZONE '" + zone + "')::date)::timestamp AT TIME ZONE '" + zone + "'";
    java.time.ZoneId z = java.time.ZoneId.of(zone);
    Instant firstRow = Instant.parse(DB.queryText("SELECT to_char(min(created_at) AT TIME ZONE 'UTC',"
        + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM usage"));
    long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.ofInstant(firstRow, z), LocalDate.ofInstant(NOW, z));
    assertEquals(days, DB.queryLong("SELECT count(*) FROM stats_daily WHERE date = " + dayStart),
        "every closed day from the first usage day to yesterday, in " + zone);
    assertEquals(0, DB.queryLong("SELECT count(*) FROM stats_daily WHERE date <> " + dayStart),
        "no row of another zone's days left");
    CombinedStats c = Future.fromCompletionStage(s.app().statsQueries().combined()).await();
    assertEquals(DB.queryLong("SELECT count(*) FROM usage WHERE created_at < '" + NOW + "'"),
        c.totals().totalRequests());
    assertEquals(DB.queryLong("SELECT count(*) FROM usage WHERE created_at < (SELECT cutoff_date FROM stats_summary)"),
        DB.queryLong("SELECT all_time_requests FROM stats_summary"), "the summary equals the rows before its cutoff");
  }

  @Test
  void aBatchThatFailedInOneLaneLeavesNoHoleOnceItsCauseIsGone() throws Exception {
    ServeCommand.RunningService s = serve(Map.of("STATS_ROLLUP_BATCH_DAYS", "2", "STATS_ROLLUP_PARALLELISM", "2",
        "STATS_TICK_MAX_BATCHES", "100")); // one tick covers all 20 days
    try {
      DemoFill.fill(DB, s, 20, 500, 20, 7, NOW);
      // a trigger on stats_daily raises for one day, as in the report
      DB.execute("CREATE FUNCTION fail_one_day() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
              + " IF NEW.date = '2026-11-14T00:00:00Z'::timestamptz THEN RAISE EXCEPTION 'disk trouble'; END IF;"
              + " RETURN NEW; END $$",
          "CREATE TRIGGER fail_one_day BEFORE INSERT OR UPDATE ON stats_daily FOR EACH ROW EXECUTE FUNCTION fail_one_day()");
      try {
        Ticks.tickNow(s);
        throw new AssertionError("the tick should have failed");
      } catch (RuntimeException expected) {
        // the lane with 11-13..14 failed; every other batch of both lanes committed
      }
      String missing = "SELECT d FROM generate_series((SELECT (min(created_at) AT TIME ZONE 'UTC')::date FROM usage),"
          + " '" + TODAY.minusDays(1) + "'::date, interval '1 day') AS g(d)"
          + " WHERE NOT EXISTS (SELECT 1 FROM stats_daily s WHERE s.date = (g.d::date)::timestamp AT TIME ZONE 'UTC')";
      assertEquals(2, DB.queryLong("SELECT count(*) FROM (" + missing + ") m"),
          "only the failing batch (2 days, 11-14 one of them) is missing: the lanes went on after it");
      assertEquals(1, DB.queryLong("SELECT count(*) FROM (" + missing + ") m WHERE d = '2026-11-14'"));
      assertEquals(DB.queryText("SELECT to_char(min(d), 'YYYY-MM-DD') FROM (" + missing + ") m"),
          DB.queryText("SELECT to_char(cutoff_date AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM stats_summary"),
          "the summary stops before the hole, combined reads it live");
      CombinedStats meanwhile = Future.fromCompletionStage(s.app().statsQueries().combined()).await();
      assertEquals(DB.queryLong("SELECT count(*) FROM usage WHERE created_at < '" + NOW + "'"),
          meanwhile.totals().totalRequests(), "combined is exact even with the hole");

      DB.execute("DROP TRIGGER fail_one_day ON stats_daily");
      tickUntilQuiet(s);
      assertEveryDayOnceAndCombinedExact(s, "UTC");
    } finally {
      s.stop();
    }
  }

  @Test
  void aZoneChangeReplacesTheOldZonesDaysInsteadOfAddingToThem() throws Exception {
    ServeCommand.RunningService utc = serve(Map.of());
    try {
      DemoFill.fill(DB, utc, 20, 500, 20, 11, NOW);
      tickUntilQuiet(utc);
      assertEveryDayOnceAndCombinedExact(utc, "UTC");
    } finally {
      utc.stop();
    }
    ServeCommand.RunningService shanghai = serve(Map.of("STATS_TIMEZONE", "Asia/Shanghai"));
    try {
      // halfway (one bounded tick), nothing is counted twice
      Ticks.tickNow(shanghai);
      CombinedStats halfway = Future.fromCompletionStage(shanghai.app().statsQueries().combined()).await();
      assertEquals(DB.queryLong("SELECT count(*) FROM usage WHERE created_at < '" + NOW + "'"),
          halfway.totals().totalRequests());
      tickUntilQuiet(shanghai);
      assertEveryDayOnceAndCombinedExact(shanghai, "Asia/Shanghai");
    } finally {
      shanghai.stop();
    }
  }

  @Test
  void historyOlderThanAYearIsCountedByDefault() throws Exception {
    ServeCommand.RunningService s = serve(Map.of("STATS_TICK_MAX_BATCHES", "3"));
    try {
      DemoFill.fill(DB, s, 5, 50, 5, 3, NOW);
      DB.execute("INSERT INTO usage (id, user_id, request_id, provider, model, input_tokens, status_code, status,"
          + " created_at) VALUES ('old-1', NULL, 'old-req-1', 'openai', 'gpt-4o', 10, 200, 'completed',"
          + " '2025-03-01T12:00:00Z')");
      CombinedStats before = Future.fromCompletionStage(s.app().statsQueries().combined()).await();
      int ticks = 0;
      TickResult r;
      do {
        r = Ticks.tickNow(s);
        ticks++;
      } while (r.hasMore());
      // 2025-03-01 .. 2026-11-29 = 639 days, at most 3 x 31 = 93 per tick (plus the settle days): 7 ticks
      assertEquals(7, ticks);
      assertEquals(1, DB.queryLong("SELECT count(*) FROM stats_daily WHERE date = '2025-03-01Z' AND total_requests = 1"));
      CombinedStats after = Future.fromCompletionStage(s.app().statsQueries().combined()).await();
      assertEquals(before.totals().totalRequests(), after.totals().totalRequests(), "the old row still counts");
      assertEveryDayOnceAndCombinedExact(s, "UTC");
    } finally {
      s.stop();
    }
  }

  @Test
  void aManualRollupOfOneRecentDayOnAnEmptyDatabaseDoesNotHideTheRest() throws Exception {
    ServeCommand.RunningService s = serve(Map.of());
    try {
      DemoFill.fill(DB, s, 10, 300, 10, 5, NOW);
      Future.fromCompletionStage(s.app().rollupService().rollup(DayRange.of(TODAY.minusDays(1)), RunKind.ROLLUP,
          ProgressListener.NONE)).await();
      CombinedStats c = Future.fromCompletionStage(s.app().statsQueries().combined()).await();
      assertEquals(DB.queryLong("SELECT count(*) FROM usage WHERE created_at < '" + NOW + "'"), c.totals().totalRequests(),
          "combined right after the manual rollup");
      tickUntilQuiet(s);
      assertEveryDayOnceAndCombinedExact(s, "UTC");
    } finally {
      s.stop();
    }
  }
}
