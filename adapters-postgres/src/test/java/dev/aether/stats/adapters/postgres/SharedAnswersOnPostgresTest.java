package dev.aether.stats.adapters.postgres;

import static dev.aether.stats.adapters.postgres.PgTestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aether.stats.domain.cache.SharedAnswers;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.fakes.ApiKeyRow;
import dev.aether.stats.domain.fakes.MutableClock;
import dev.aether.stats.domain.fakes.UsageRow;
import dev.aether.stats.domain.fakes.UserRow;
import dev.aether.stats.domain.model.CombinedStats;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.UserCounts;
import dev.aether.stats.domain.port.DailyStatsReader;
import dev.aether.stats.domain.usecase.StatsQueries;
import dev.aether.stats.testsupport.FreshDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 32 readers that miss the shared answers at once (the ttl just expired, the dashboard's clients poll
 * together) cause one computation, not 32: every port the answer needs is called once, over the real
 * adapters. The ports are held until all readers have asked (a gate, no sleeps), so every reader arrives
 * while the one computation is in flight.
 */
class SharedAnswersOnPostgresTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();

  private static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
  private static final int READERS = 32;

  private static PgTestApp app;

  @BeforeAll
  static void open() {
    app = new PgTestApp(DB.url());
    PgGatewayData data = new PgGatewayData(DB);
    data.addUser(new UserRow("u1", true, false));
    data.addUser(new UserRow("u2", false, false));
    data.addUser(new UserRow("u3", true, true));
    data.addApiKey(new ApiKeyRow("k1", "u1", true));
    data.addApiKey(new ApiKeyRow("k2", "u1", false));
    data.addUsage(UsageRow.of("a", "u1", "m", "p", Instant.parse("2026-03-20T01:00:00Z")).withTokens(10, 1, 0, 0));
    data.addUsage(UsageRow.of("b", "u1", "m", "p", Instant.parse("2026-03-20T02:00:00Z")).withTokens(20, 2, 0, 0));
    data.addUsage(UsageRow.of("c", "u2", "m", "p", Instant.parse("2026-03-19T23:00:00Z")).withTokens(30, 3, 0, 0));
  }

  @AfterAll
  static void close() {
    app.close();
  }

  /** Counts the calls of one port and holds each answer until the gate opens. */
  private static final class Held {
    final AtomicInteger calls = new AtomicInteger();
    final CompletableFuture<Void> gate;

    Held(CompletableFuture<Void> gate) {
      this.gate = gate;
    }

    <T> CompletionStage<T> call(Supplier<CompletionStage<T>> port) {
      calls.incrementAndGet();
      return gate.thenCompose(ignored -> port.get());
    }
  }

  @Test
  void concurrentMissesShareOneComputationOfEachAnswer() {
    var a = app.adapters;
    MutableClock clock = new MutableClock(NOW);
    BusinessCalendar calendar = new BusinessCalendar(ZoneOffset.UTC, clock);
    CompletableFuture<Void> gate = new CompletableFuture<>();
    Held summary = new Held(gate);
    Held counts = new Held(gate);
    Held live = new Held(gate);
    Held dailyStored = new Held(gate);
    Held dailyLive = new Held(gate);
    DailyStatsReader daily = new DailyStatsReader() {
      @Override
      public CompletionStage<List<DailyStats>> stored(DayBounds days) {
        return dailyStored.call(() -> a.dailyStatsReader().stored(days));
      }

      @Override
      public CompletionStage<List<DailyStats>> live(DayBounds days) {
        return dailyLive.call(() -> a.dailyStatsReader().live(days));
      }
    };
    StatsQueries queries = new StatsQueries(() -> summary.call(a.loadSummary()::load),
        (from, to) -> live.call(() -> a.loadLiveTotals().between(from, to)), () -> counts.call(a.loadUserCounts()::load),
        daily, a.userDailyStatsReader(), a.modelDailyStatsReader(), calendar);
    SharedAnswers shared = new SharedAnswers(queries, clock, Duration.ofSeconds(1));
    DayRange range = new DayRange(TODAY.minusDays(2), TODAY);

    List<CompletionStage<CombinedStats>> combined = new ArrayList<>();
    List<CompletionStage<List<DailyStats>>> days = new ArrayList<>();
    for (int i = 0; i < READERS; i++) {
      combined.add(shared.combined());
      days.add(shared.daily(range));
    }
    assertEquals(1, summary.calls.get(), "one summary read for " + READERS + " combined readers");
    assertEquals(1, counts.calls.get(), "one account count");
    gate.complete(null);

    // no summary yet: everything is live; 3 rows, input tokens 10 + 20 + 30; u3 is deleted, k2 inactive
    for (CompletionStage<CombinedStats> c : combined) {
      CombinedStats stats = await(c);
      assertEquals(3, stats.totals().totalRequests());
      assertEquals(60, stats.totals().inputTokens());
      assertEquals(new UserCounts(2, 1, 2, 1), stats.accounts());
    }
    for (CompletionStage<List<DailyStats>> d : days) {
      List<Long> requests = await(d).stream().map(s -> s.totals().totalRequests()).toList();
      assertEquals(List.of(0L, 1L, 2L), requests, "2026-03-18, -19 (row c), -20 (rows a and b)");
    }
    assertEquals(1, live.calls.get(), "one live aggregation (it starts once the summary is read)");
    // none of the days is materialized: at most one stored read, and the three days read live in one go
    assertEquals(1, dailyStored.calls.get(), "one stored read for " + READERS + " daily readers");
    assertEquals(1, dailyLive.calls.get(), "one live read for " + READERS + " daily readers");

    clock.advance(Duration.ofSeconds(1));
    assertEquals(3, await(shared.combined()).totals().totalRequests());
    assertEquals(2, summary.calls.get(), "a ttl later, the next reader computes a fresh answer");
    assertEquals(2, live.calls.get());
  }
}
