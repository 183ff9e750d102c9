package dev.aether.stats.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.testsupport.FreshDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two processes (two pools, as two service instances would have) materialize overlapping ranges again
 * and again while a gateway-like writer inserts and completes rows: no error, no duplicate, and after a
 * last run the tables equal the naive recomputation.
 */
class ConcurrentMaterializeTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  private static final String ZONE = "Europe/Berlin";
  private static final LocalDate FIRST = LocalDate.of(2026, 5, 1);
  private static final LocalDate LAST = LocalDate.of(2026, 5, 12);

  @Test
  void overlappingRollupsWhileRowsArriveConvergeToTheFreshRecompute() throws Exception {
    RandomGateway gateway = new RandomGateway(7);
    try (Connection c = DB.connect()) {
      gateway.users(c, 10);
      gateway.usage(c, FIRST, LAST, 60, d -> false);
    }
    BusinessCalendar calendar = new BusinessCalendar(ZoneId.of(ZONE), Clock.systemUTC());
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger inserted = new AtomicInteger();

    try (PgTestApp one = new PgTestApp(DB.url(), 4); PgTestApp two = new PgTestApp(DB.url(), 4)) {
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
        try (Connection c = DB.connect();
             PreparedStatement ins = c.prepareStatement("INSERT INTO usage (id, user_id, request_id, provider, model,"
                 + " input_tokens, total_cost_usd, status_code, status, created_at)"
                 + " VALUES (?, 'user-1', ?, 'openai', 'gpt-4o', 10, 0.125, NULL, 'pending', ?)");
             Statement st = c.createStatement()) {
          int i = 0;
          while (writing.get() && i < 2_000) {
            i++;
            ins.setString(1, "late-" + i);
            ins.setString(2, "late-req-" + i);
            ins.setTimestamp(3, Timestamp.from(Instant.parse("2026-05-03T00:00:00Z").plusSeconds(i * 331L)));
            ins.executeUpdate();
            if (i % 3 == 0) { // the gateway completes an earlier request
              st.executeUpdate("UPDATE usage SET status = 'completed', status_code = 200, output_tokens = 5"
                  + " WHERE id = 'late-" + (i - 1) + "'");
            }
            inserted.incrementAndGet();
          }
        } catch (Exception e) {
          errors.add(e);
        }
      });

      List<CompletableFuture<?>> runs = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        runs.add(run(one, calendar, new DayRange(FIRST, LAST.minusDays(3)), 4, errors));
        runs.add(run(two, calendar, new DayRange(FIRST.plusDays(2), LAST), 5, errors));
        runs.add(summary(round % 2 == 0 ? one : two, calendar, errors));
      }
      CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
      writing.set(false);
      writer.get(60, TimeUnit.SECONDS);
      assertEquals(List.of(), errors, "no run failed");
      assertTrue(inserted.get() > 0, "rows arrived during the runs");

      // the state after one more run (the next tick) is the fresh recompute
      run(one, calendar, new DayRange(FIRST, LAST), 31, errors).get(60, TimeUnit.SECONDS);
      assertEquals(List.of(), errors);
    }
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      NaiveStats.assertSame("stats_daily", NaiveStats.daily(c, ZONE, FIRST, LAST),
          NaiveStats.stored(c, "stats_daily", null, ZONE, NaiveStats.DAILY_COLUMNS));
      NaiveStats.assertSame("stats_user_daily", NaiveStats.perUser(c, ZONE, FIRST, LAST),
          NaiveStats.stored(c, "stats_user_daily", "user_id", ZONE, NaiveStats.USER_COLUMNS));
      NaiveStats.assertSame("stats_daily_model", NaiveStats.perModel(c, ZONE, FIRST, LAST),
          NaiveStats.stored(c, "stats_daily_model", "model", ZONE, NaiveStats.MODEL_COLUMNS));
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM stats_summary")) {
        rs.next();
        assertEquals(1, rs.getLong(1), "one summary row, never two");
      }
    }
  }

  private static CompletableFuture<Void> run(PgTestApp app, BusinessCalendar calendar, DayRange range, int batch,
      List<Throwable> errors) {
    CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
    for (DayRange b : range.batches(batch)) {
      all = all.thenCompose(x -> app.adapters.materializeDays().materialize(calendar.bounds(b))
          .toCompletableFuture().thenApply(r -> (Void) null));
    }
    return all.exceptionally(e -> {
      errors.add(e);
      return null;
    });
  }

  private static CompletableFuture<Void> summary(PgTestApp app, BusinessCalendar calendar, List<Throwable> errors) {
    List<java.time.Instant> starts = calendar.bounds(new DayRange(FIRST, LAST)).bounds();
    return app.adapters.refreshSummary().refresh(calendar.startOfToday(), starts).toCompletableFuture()
        .thenApply(s -> (Void) null)
        .exceptionally(e -> {
          errors.add(e);
          return null;
        });
  }
}
