package dev.aether.stats.domain.usecase;

import static dev.aether.stats.domain.contract.Await.await;
import static dev.aether.stats.domain.contract.Await.failure;
import static dev.aether.stats.domain.contract.March2026.D16;
import static dev.aether.stats.domain.contract.March2026.D17;
import static dev.aether.stats.domain.contract.March2026.D18;
import static dev.aether.stats.domain.contract.March2026.D19;
import static dev.aether.stats.domain.contract.March2026.D20;
import static dev.aether.stats.domain.contract.March2026.NOW;
import static dev.aether.stats.domain.contract.March2026.START_18;
import static dev.aether.stats.domain.contract.March2026.START_20;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.contract.Figures;
import dev.aether.stats.domain.contract.March2026;
import dev.aether.stats.domain.contract.Scenario;
import dev.aether.stats.domain.fakes.InMemoryGateway;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.domain.fakes.UsageRow;
import dev.aether.stats.domain.fakes.UserRow;
import dev.aether.stats.domain.model.CombinedStats;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.ModelDailyStats;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.model.Summary;
import dev.aether.stats.domain.model.TodayStats;
import dev.aether.stats.domain.model.UserCounts;
import dev.aether.stats.domain.model.UserDailyStats;
import dev.aether.stats.domain.port.DailyStatsReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read side over the in-memory gateway, on the contract's hand-counted {@link Scenario}. */
class StatsQueriesTest {
  private final BusinessCalendar calendar = March2026.calendar();
  private final InMemoryGateway gateway = new InMemoryGateway(Clock.fixed(NOW, ZoneOffset.UTC));
  private final StatsPorts ports = gateway.ports();
  private final StatsQueries queries = ports.queries(calendar);

  @BeforeEach
  void load() {
    Scenario.load(gateway);
  }

  private void materialize(LocalDate first, LocalDate last) {
    await(ports.materializeDays().materialize(calendar.bounds(new DayRange(first, last))));
  }

  @Test
  void combinedCountsTheDaysTheSeedDropsBehindAStaleSummary() {
    materialize(D17, D17);
    Summary stale = await(ports.refreshSummary().refresh(START_18, March2026.dayStarts())); // two closed days old

    CombinedStats ours = await(queries.combined());
    // The seed: summary + rows from today's start only.
    long seed = stale.allTime().totalRequests()
        + await(ports.loadLiveTotals().between(START_20, NOW)).totals().totalRequests();

    // Hand count: every row up to now is r5 r1 r2 r6 r3 r4 r7 = 7.
    assertEquals(7, ours.totals().totalRequests());
    // The seed gets r5 (summary) + r7 (today) = 2: 03-18's four rows and 03-19's one are lost.
    assertEquals(2, seed);
  }

  @Test
  void combinedAgreesWithAFreshSummaryWhateverTheCutoffsAge() {
    materialize(D17, D17);
    await(ports.refreshSummary().refresh(START_18, March2026.dayStarts()));
    CombinedStats stale = await(queries.combined());
    materialize(D17, D19);
    await(ports.refreshSummary().refresh(START_20, March2026.dayStarts()));

    CombinedStats fresh = await(queries.combined());

    assertEquals(START_18, stale.liveFrom());
    assertEquals(START_20, fresh.liveFrom());
    Figures all = Figures.requests(7, 2).tokens(120, 53, 10, 5).cost("0.70", "0.80");
    all.assertMatches(stale.totals(), "stale cutoff");
    all.assertMatches(fresh.totals(), "fresh cutoff");
  }

  @Test
  void combinedTakesTheAccountsAsTheyAreNow() {
    materialize(D17, D19);
    await(ports.refreshSummary().refresh(START_20, March2026.dayStarts())); // snapshot: u1, u2, k1
    gateway.addUser(UserRow.active("u3"));
    gateway.addUser(new UserRow("u4", false, false));

    CombinedStats combined = await(queries.combined());

    assertEquals(new UserCounts(4, 3, 1, 1), combined.accounts());
    assertEquals(NOW, combined.asOf());
  }

  @Test
  void combinedWithoutSummaryStartsAtTheFirstRow() {
    CombinedStats combined = await(queries.combined());

    assertEquals(null, combined.liveFrom());
    assertEquals(7, combined.totals().totalRequests());
    // Only the summary's fields: the input cost (0.30 over the rows) and response times are left out.
    Figures.requests(7, 2).tokens(120, 53, 10, 5).cost("0.70", "0.80").assertMatches(combined.totals(), "all");
  }

  @Test
  void todayIsLiveFromTheStartOfTheBusinessDay() {
    TodayStats today = await(queries.today());

    assertEquals(D20, today.day());
    assertEquals("Asia/Shanghai", today.zone().getId(), "the calendar's zone, which bounds the day");
    assertEquals(START_20, today.live().from());
    assertEquals(NOW, today.live().to());
    Scenario.DAY_20.assertMatches(today.live().totals(), "today");
    assertEquals(1, today.live().unsettledRequests(), "r7 streams");
  }

  @Test
  void dailyGivesEveryDayInOrderStoredOrLive() {
    materialize(D17, D17);
    materialize(D19, D19);

    List<DailyStats> days = await(queries.daily(new DayRange(D16, D20.plusDays(1))));

    assertEquals(List.of(D16, D17, D18, D19, D20, D20.plusDays(1)), days.stream().map(DailyStats::day).toList());
    assertEquals(List.of(Source.LIVE, Source.MATERIALIZED, Source.LIVE, Source.MATERIALIZED, Source.LIVE,
        Source.LIVE), days.stream().map(DailyStats::source).toList());
    assertEquals(List.of(0L, 1L, 4L, 1L, 1L, 0L), days.stream().map(d -> d.totals().totalRequests()).toList());
  }

  @Test
  void dailyAsksLiveOnlyForTheDaysNotStored() {
    materialize(D17, D17);
    materialize(D19, D19);
    List<DayRange> liveAsked = new ArrayList<>();
    DailyStatsReader recording = new DailyStatsReader() {
      @Override
      public CompletionStage<List<DailyStats>> stored(DayBounds days) {
        return ports.dailyStats().stored(days);
      }

      @Override
      public CompletionStage<List<DailyStats>> live(DayBounds days) {
        liveAsked.add(days.range());
        return ports.dailyStats().live(days);
      }
    };
    StatsQueries q = new StatsQueries(ports.loadSummary(), ports.loadLiveTotals(), ports.loadUserCounts(),
        recording, ports.userDailyStats(), ports.modelDailyStats(), calendar);

    await(q.daily(new DayRange(D16, D20)));

    assertEquals(List.of(DayRange.of(D16), DayRange.of(D18), DayRange.of(D20)), liveAsked);
  }

  @Test
  void dailyNeverReadsTodayFromTheStoredRows() {
    materialize(D20, D20); // a manual rollup of today
    gateway.addUsage(UsageRow.of("later", "u1", "model-a", "prov-1", Instant.parse("2026-03-20T02:00:00Z")));

    List<DailyStats> today = await(queries.daily(DayRange.of(D20)));

    assertEquals(Source.LIVE, today.get(0).source());
    assertEquals(2, today.get(0).totals().totalRequests(), "r7 and the row added after the rollup");
  }

  @Test
  void userDailyMergesStoredAndLiveDaysWithRows() {
    materialize(D17, D18);
    // Late rows: into a materialized day (not seen until re-materialized) and into a live one.
    gateway.addUsage(UsageRow.of("late-17", "u2", "model-c", "prov-3", Instant.parse("2026-03-17T02:00:00Z")));
    gateway.addUsage(UsageRow.of("late-19", "u2", "model-c", "prov-3", Instant.parse("2026-03-19T02:00:00Z")));

    List<UserDailyStats> u2 = await(queries.userDaily("u2", new DayRange(D16, D20))).orElseThrow();

    assertEquals(List.of(D17, D18, D19), u2.stream().map(UserDailyStats::day).toList());
    assertEquals(List.of(Source.MATERIALIZED, Source.MATERIALIZED, Source.LIVE),
        u2.stream().map(UserDailyStats::source).toList());
    assertEquals(List.of(1L, 1L, 2L), u2.stream().map(u -> u.totals().totalRequests()).toList());
  }

  @Test
  void userDailyOfAMaterializedDayWithoutTheUsersRowIsAbsent() {
    materialize(D17, D17);
    gateway.addUsage(UsageRow.of("late-u1", "u1", "model-a", "prov-1", Instant.parse("2026-03-17T02:00:00Z")));

    List<UserDailyStats> u1 = await(queries.userDaily("u1", new DayRange(D17, D17))).orElseThrow();

    assertEquals(List.of(), u1, "03-17 is materialized and u1 had no row then");
  }

  @Test
  void userDailyOfAnUnknownUserIsEmptyAndOfASoftDeletedOneIsNot() {
    gateway.addUser(new UserRow("gone", true, true));

    assertEquals(Optional.empty(), await(queries.userDaily("nobody", new DayRange(D16, D20))));
    assertEquals(Optional.of(List.of()), await(queries.userDaily("gone", new DayRange(D16, D20))));
  }

  @Test
  void modelDailyIsOrderedByDayThenModelAcrossStoredAndLiveDays() {
    materialize(D18, D18);

    List<ModelDailyStats> models = await(queries.modelDaily(new DayRange(D17, D20)));

    assertEquals(List.of("2026-03-17 model-c LIVE", "2026-03-18 model-a MATERIALIZED",
            "2026-03-18 model-b MATERIALIZED", "2026-03-19 model-c LIVE", "2026-03-20 model-a LIVE"),
        models.stream().map(m -> m.day() + " " + m.model() + " " + m.source()).toList());
    Scenario.MODEL_A_18.assertMatches(models.get(1).totals(), "model-a 03-18");
  }

  @Test
  void aPortThatThrowsFailsTheStageInsteadOfThrowing() {
    IllegalStateException boom = new IllegalStateException("database down");
    StatsQueries q = new StatsQueries(() -> {
      throw boom;
    }, ports.loadLiveTotals(), ports.loadUserCounts(), ports.dailyStats(), ports.userDailyStats(),
        ports.modelDailyStats(), calendar);

    assertSame(boom, failure(q.combined()));
  }
}
