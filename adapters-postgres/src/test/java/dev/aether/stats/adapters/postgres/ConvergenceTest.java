package dev.aether.stats.adapters.postgres;

import static dev.aether.stats.adapters.postgres.PgTestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.fakes.MutableClock;
import dev.aether.stats.domain.model.CombinedStats;
import dev.aether.stats.domain.planner.HistoryWindow;
import dev.aether.stats.domain.planner.HourPlanner;
import dev.aether.stats.domain.planner.RollupPlanner;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.usecase.ProgressListener;
import dev.aether.stats.domain.usecase.RollupService;
import dev.aether.stats.domain.usecase.HourlyMaintenance;
import dev.aether.stats.domain.usecase.RollupTick;
import dev.aether.stats.domain.usecase.StatsQueries;
import dev.aether.stats.domain.usecase.TickResult;
import dev.aether.stats.testsupport.FreshDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whatever fails, the ticks converge. On random gateway data, a random sequence of faults (a batch that
 * fails in one lane because of a trigger, a backfill killed after some of its batches, zone changes,
 * retention deletes, late and completed rows, a manual rollup of one recent day on an empty database,
 * midnight passing) is interleaved with ticks; then the timer is left to tick until it has nothing left.
 * At rest:
 * <ul>
 *   <li>every closed day of the current zone from the first usage day to yesterday is stored exactly once,
 *       and no row of another zone's days lies inside that history;
 *   <li>every stored row of the fully retained days equals the naive recomputation ({@link NaiveStats});
 *   <li>the summary's cutoff is the start of today and it equals the sum of the current zone's stored days;
 *   <li>combined = summary + the usage rows since the cutoff, and, when retention deleted nothing,
 *       combined.total_requests = count(usage).
 * </ul>
 * Each seed is printed in the failure message, with the steps it took.
 */
class ConvergenceTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  private static final String[] ZONES = {"UTC", "America/New_York", "Asia/Kathmandu", "Asia/Shanghai"};
  /** 2026-11-03 09:30 UTC: a few days after New York's autumn DST change (2026-11-01). */
  private static final Instant START = Instant.parse("2026-11-03T09:30:00Z");

  private static PgTestApp app;

  @BeforeAll
  static void open() {
    app = new PgTestApp(DB.url());
  }

  @AfterAll
  static void close() {
    app.close();
  }

  /** One zone's stack of use cases over the real adapters, as the service wires it. */
  private record Stack(String zone, BusinessCalendar calendar, RollupService service, RollupTick tick,
      StatsQueries queries) {}

  private Stack stack(String zone, MutableClock clock, Random random) {
    var a = app.adapters;
    BusinessCalendar calendar = new BusinessCalendar(ZoneId.of(zone), clock);
    int batchDays = 1 + random.nextInt(4);
    RollupService service = new RollupService(a.materializeDays(), a.materializeHours(), a.refreshSummary(),
        a.runLog(), a.loadRollupState(), calendar, HistoryWindow.all(), batchDays, 2);
    RollupPlanner planner = new RollupPlanner(HistoryWindow.all(), 2, batchDays, batchDays * (1 + random.nextInt(3)));
    HourlyMaintenance hours = new HourlyMaintenance(a.findChangedHours(), a.materializeHours(), a.materializeDays(),
        new HourPlanner(calendar, HourPlanner.DEFAULT_WATCH_HOURS, HourPlanner.DEFAULT_RECENT_HOURS), calendar);
    // settle days at every tick (the service's default is hourly; the clock here moves in whole hours)
    RollupTick tick = new RollupTick(a.tickLease(), a.loadRollupState(), planner, service, calendar, hours);
    StatsQueries queries = new StatsQueries(a.loadSummary(), a.loadLiveTotals(), a.loadUserCounts(),
        a.dailyStatsReader(), a.userDailyStatsReader(), a.modelDailyStatsReader(), calendar);
    return new Stack(zone, calendar, service, tick, queries);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 20261202})
  void theTicksConvergeAfterAnySequenceOfFaults(long seed) throws Exception {
    List<String> steps = new ArrayList<>();
    try {
      run(seed, steps);
    } catch (AssertionError | Exception e) {
      throw new AssertionError("seed " + seed + " failed after steps " + steps + ": " + e.getMessage(), e);
    }
  }

  private void run(long seed, List<String> steps) throws Exception {
    reset();
    Random random = new Random(seed);
    MutableClock clock = new MutableClock(START);
    try (Connection c = DB.connect()) {
      RandomGateway gateway = new RandomGateway(seed);
      gateway.users(c, 12);
      LocalDate today = LocalDate.ofInstant(START, ZoneId.of("UTC"));
      gateway.usage(c, today.minusDays(25), today, 25 + random.nextInt(30), d -> random.nextInt(9) == 0);
    }
    Stack s = stack(ZONES[random.nextInt(ZONES.length)], clock, random);
    steps.add("zone " + s.zone());
    boolean retentionDeleted = false;
    if (random.nextBoolean()) {
      // a manual rollup of one recent day on a database without statistics
      LocalDate day = s.calendar().today().minusDays(1 + random.nextInt(3));
      await(s.service().rollup(DayRange.of(day), RunKind.ROLLUP, ProgressListener.NONE));
      steps.add("rollup " + day);
    }
    int n = 6 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(8)) {
        case 0 -> steps.add("tick " + tickQuietly(s));
        case 1 -> {
          LocalDate poisoned = s.calendar().today().minusDays(1 + random.nextInt(20));
          poison(s.calendar().startOf(poisoned));
          steps.add("failing batch at " + poisoned + ": tick " + tickQuietly(s));
          DB.execute("DROP TRIGGER stats_daily_poison ON stats_daily");
        }
        case 2 -> {
          // a backfill killed halfway: some of its batches committed, in both lanes, nothing after
          DayRange history = new DayRange(s.calendar().today().minusDays(26), s.calendar().today().minusDays(1));
          List<DayRange> batches = history.batches(1 + random.nextInt(4));
          int done = 0;
          for (DayRange b : batches) {
            if (random.nextInt(3) == 0) {
              await(app.adapters.materializeDays().materialize(s.calendar().bounds(b)));
              done++;
            }
          }
          steps.add("killed backfill (" + done + " of " + batches.size() + " batches)");
        }
        case 3 -> {
          s = stack(ZONES[random.nextInt(ZONES.length)], clock, random);
          steps.add("zone change to " + s.zone());
        }
        case 4 -> {
          if (!retentionDeleted) {
            long deleted = deleteBefore(firstUsage().plus(Duration.ofHours(6 + random.nextInt(30))));
            retentionDeleted = deleted > 0;
            steps.add("retention delete of " + deleted + " rows");
          }
        }
        case 5 -> steps.add(lateRows(s, random) + " late rows");
        case 6 -> steps.add(completePending(s) + " pending rows completed");
        default -> {
          // time passes: the timer has ticked until quiet before (it ticks every few minutes), then midnight
          // may pass
          quiesce(s);
          Duration d = Duration.ofHours(1 + random.nextInt(20));
          clock.advance(d);
          steps.add("+" + d.toHours() + "h");
        }
      }
    }
    int ticks = quiesce(s);
    steps.add("quiesced in " + ticks + " tick(s)");
    assertConverged(s, retentionDeleted);
  }

  /** Ticks until a tick leaves nothing for later (bounded: a test must end). */
  private int quiesce(Stack s) {
    String last = null;
    for (int i = 1; i <= 200; i++) {
      TickResult r = await(s.tick().tick());
      if (!r.hasMore()) {
        return i;
      }
      last = r.reason();
    }
    throw new AssertionError("still not quiet after 200 ticks: " + last);
  }

  private String tickQuietly(Stack s) {
    try {
      return await(s.tick().tick()).outcome().name().toLowerCase();
    } catch (CompletionException | io.vertx.core.impl.NoStackTraceThrowable e) {
      return "failed";
    } catch (RuntimeException e) {
      return "failed";
    }
  }

  private void assertConverged(Stack s, boolean retentionDeleted) throws Exception {
    String zone = s.zone();
    BusinessCalendar cal = s.calendar();
    LocalDate today = cal.today();
    LocalDate yesterday = today.minusDays(1);
    Instant first = firstUsage();
    LocalDate firstDay = cal.dayOf(first);
    // the first day whose raw rows are all still there
    LocalDate firstComplete = cal.startOf(firstDay).equals(first) || !retentionDeleted ? firstDay : firstDay.plusDays(1);

    // every closed day of history is stored exactly once, under this zone's day start, nothing foreign inside
    for (LocalDate d = firstDay; !d.isAfter(yesterday); d = d.plusDays(1)) {
      Instant start = cal.startOf(d);
      Instant end = cal.startOf(d.plusDays(1));
      assertEquals(1, count("SELECT count(*) FROM stats_daily WHERE date = ?", start), "stored once: " + d);
      assertEquals(0, count("SELECT count(*) FROM stats_daily WHERE date > ? AND date < ?", start, end),
          "another zone's row inside " + d);
      assertEquals(0, count("SELECT count(*) FROM stats_user_daily WHERE date > ? AND date < ?", start, end));
      assertEquals(0, count("SELECT count(*) FROM stats_daily_model WHERE date > ? AND date < ?", start, end));
    }

    // every row of the fully retained closed days equals the naive recomputation
    try (Connection c = DB.connect()) {
      NaiveStats.assertSame("stats_daily", NaiveStats.daily(c, zone, firstComplete, yesterday),
          window(NaiveStats.stored(c, "stats_daily", null, zone, NaiveStats.DAILY_COLUMNS), firstComplete, yesterday));
      NaiveStats.assertSame("stats_user_daily", NaiveStats.perUser(c, zone, firstComplete, yesterday),
          window(NaiveStats.stored(c, "stats_user_daily", "user_id", zone, NaiveStats.USER_COLUMNS), firstComplete,
              yesterday));
      NaiveStats.assertSame("stats_daily_model", NaiveStats.perModel(c, zone, firstComplete, yesterday),
          window(NaiveStats.stored(c, "stats_daily_model", "model", zone, NaiveStats.MODEL_COLUMNS), firstComplete,
              yesterday));
    }

    // every complete hour bucket whose rows are all still there equals a direct count of its rows (a batch
    // writes its days' hours, the ticks the recent ones: none may be left stale by the faults above)
    Instant firstWholeHour = retentionDeleted ? first.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1))
        : Instant.EPOCH;
    assertEquals(0, count("SELECT count(*) FROM stats_hourly h CROSS JOIN LATERAL (SELECT count(*) AS n,"
        + " coalesce(sum(u.input_tokens), 0) AS t, count(*) FILTER (WHERE u.status IN ('pending', 'streaming')) AS p"
        + " FROM usage u WHERE u.created_at >= h.hour AND u.created_at < h.hour + interval '1 hour') x"
        + " WHERE h.hour >= ? AND h.covers_until = h.hour + interval '1 hour'"
        + " AND (h.total_requests, h.input_tokens, h.unsettled_requests) IS DISTINCT FROM (x.n, x.t, x.p)", firstWholeHour),
        "hour buckets that differ from their rows");

    // the summary: cut at today's start, the sum of this zone's stored days before it
    Instant cutoff = cal.startOfToday();
    assertEquals(cutoff.toString(), DB.queryText("SELECT to_char(cutoff_date AT TIME ZONE 'UTC',"
        + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM stats_summary"));
    long storedBefore = count("SELECT coalesce(sum(total_requests), 0) FROM stats_daily WHERE date < ?"
        + " AND date = ((date AT TIME ZONE '" + zone + "')::date)::timestamp AT TIME ZONE '" + zone + "'", cutoff);
    long summary = DB.queryLong("SELECT all_time_requests FROM stats_summary");
    assertEquals(storedBefore, summary, "summary = this zone's stored days");
    Instant now = cal.now();
    long liveSince = count("SELECT count(*) FROM usage WHERE created_at >= ? AND created_at < ?", cutoff, now);
    CombinedStats combined = await(s.queries().combined());
    assertEquals(summary + liveSince, combined.totals().totalRequests(), "combined = summary + live tail");
    if (!retentionDeleted) {
      assertEquals(count("SELECT count(*) FROM usage WHERE created_at < ?", now), combined.totals().totalRequests(),
          "combined = count(usage) up to now");
      assertEquals(count("SELECT count(*) FROM usage WHERE created_at < ?", cutoff), summary,
          "the summary equals the usage rows before its cutoff");
      double cost = costBefore(now);
      // exact sums of values rounded to 1e-9 USD each: up to 0.5e-9 per row from this float sum
      assertEquals(cost, combined.totals().totalCost().doubleValue(),
          1e-9 * Math.max(1, cost) + 0.5e-9 * combined.totals().totalRequests());
    }
  }

  /** The entries of days first..last (keys start with the day). */
  private static Map<String, Map<String, Object>> window(Map<String, Map<String, Object>> stored, LocalDate first,
      LocalDate last) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    stored.forEach((k, v) -> {
      LocalDate d = LocalDate.parse(k.substring(0, 10));
      if (!d.isBefore(first) && !d.isAfter(last)) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static void reset() throws Exception {
    DB.execute("TRUNCATE stats_daily, stats_user_daily, stats_daily_model, stats_summary, stats_rollup_runs,"
        + " stats_hourly, stats_hourly_model, stats_hourly_provider",
        "TRUNCATE request_candidates, usage, api_keys, users CASCADE");
  }

  /** A trigger that makes every write of that day's stats_daily row fail, as in the report. */
  private static void poison(Instant dayStart) throws Exception {
    DB.execute("CREATE OR REPLACE FUNCTION stats_daily_poison() RETURNS trigger LANGUAGE plpgsql AS $$"
        + " BEGIN IF NEW.date = '" + dayStart + "'::timestamptz THEN RAISE EXCEPTION 'poisoned day %', NEW.date;"
        + " END IF; RETURN NEW; END $$",
        "CREATE TRIGGER stats_daily_poison BEFORE INSERT OR UPDATE ON stats_daily"
            + " FOR EACH ROW EXECUTE FUNCTION stats_daily_poison()");
  }

  private static Instant firstUsage() throws Exception {
    try (Connection c = DB.connect(); var st = c.createStatement();
         var rs = st.executeQuery("SELECT min(created_at) FROM usage")) {
      rs.next();
      return rs.getTimestamp(1).toInstant();
    }
  }

  private static long deleteBefore(Instant t) throws Exception {
    try (Connection c = DB.connect();
         PreparedStatement a = c.prepareStatement("DELETE FROM request_candidates WHERE request_id IN"
             + " (SELECT request_id FROM usage WHERE created_at < ?)");
         PreparedStatement u = c.prepareStatement("DELETE FROM usage WHERE created_at < ?")) {
      a.setTimestamp(1, Timestamp.from(t));
      a.executeUpdate();
      u.setTimestamp(1, Timestamp.from(t));
      return u.executeUpdate();
    }
  }

  private static int seq;

  /** Rows that arrive late for the settle window's days, and new ones today. */
  private static int lateRows(Stack s, Random random) throws Exception {
    BusinessCalendar cal = s.calendar();
    Instant from = cal.startOf(cal.today().minusDays(2));
    long span = cal.now().toEpochMilli() - from.toEpochMilli();
    int n = 1 + random.nextInt(8);
    try (Connection c = DB.connect(); PreparedStatement st = c.prepareStatement("INSERT INTO usage (id, user_id,"
        + " request_id, provider, model, input_tokens, output_tokens, total_cost_usd, actual_total_cost_usd,"
        + " status_code, status, response_time_ms, created_at) VALUES (?, 'user-1', ?, 'openai', 'late-model', ?, 3,"
        + " ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < n; i++) {
        String id = "late-" + (++seq);
        boolean pending = random.nextInt(3) == 0;
        st.setString(1, id);
        st.setString(2, "req-" + id);
        st.setInt(3, 10 + random.nextInt(100));
        st.setDouble(4, random.nextInt(1000) / 1000.0);
        st.setDouble(5, random.nextInt(800) / 1000.0);
        if (pending) {
          st.setNull(6, java.sql.Types.INTEGER);
          st.setString(7, "pending");
          st.setNull(8, java.sql.Types.INTEGER);
        } else {
          st.setInt(6, random.nextInt(5) == 0 ? 502 : 200);
          st.setString(7, "completed");
          st.setInt(8, 100 + random.nextInt(900));
        }
        st.setTimestamp(9, Timestamp.from(from.plusMillis((long) (random.nextDouble() * span))));
        st.addBatch();
      }
      st.executeBatch();
    }
    return n;
  }

  /** Pending and streaming rows of the settle window and today complete. */
  private static int completePending(Stack s) throws Exception {
    try (Connection c = DB.connect(); PreparedStatement st = c.prepareStatement("UPDATE usage SET status = 'completed',"
        + " status_code = 200, input_tokens = coalesce(input_tokens, 0) + 5, total_cost_usd = 0.125,"
        + " response_time_ms = 640 WHERE status IN ('pending', 'streaming') AND created_at >= ?")) {
      st.setTimestamp(1, Timestamp.from(s.calendar().startOf(s.calendar().today().minusDays(2))));
      return st.executeUpdate();
    }
  }

  private static double costBefore(Instant t) throws Exception {
    try (Connection c = DB.connect();
         PreparedStatement st = c.prepareStatement("SELECT coalesce(sum(total_cost_usd), 0) FROM usage WHERE created_at < ?")) {
      st.setTimestamp(1, Timestamp.from(t));
      try (var rs = st.executeQuery()) {
        rs.next();
        return rs.getDouble(1);
      }
    }
  }

  private static long count(String sql, Instant... params) throws Exception {
    try (Connection c = DB.connect(); PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setTimestamp(i + 1, Timestamp.from(params[i]));
      }
      try (var rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
