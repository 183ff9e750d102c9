package dev.aether.stats.domain.contract;

import static dev.aether.stats.domain.contract.ContractCase.assertDay;
import static dev.aether.stats.domain.contract.ContractCase.assertOutcome;
import static dev.aether.stats.domain.contract.March2026.D15;
import static dev.aether.stats.domain.contract.March2026.D16;
import static dev.aether.stats.domain.contract.March2026.D17;
import static dev.aether.stats.domain.contract.March2026.D18;
import static dev.aether.stats.domain.contract.March2026.D19;
import static dev.aether.stats.domain.contract.March2026.START_15;
import static dev.aether.stats.domain.contract.March2026.START_16;
import static dev.aether.stats.domain.contract.March2026.START_17;
import static dev.aether.stats.domain.contract.March2026.START_18;
import static dev.aether.stats.domain.contract.March2026.START_19;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.fakes.CandidateRow;
import dev.aether.stats.domain.fakes.UsageRow;
import dev.aether.stats.domain.fakes.UserRow;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.ModelDailyStats;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.model.UserDailyStats;
import dev.aether.stats.domain.run.DayOutcome;
import dev.aether.stats.domain.run.DayOutcome.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MaterializeDays: what a written day stores, and which days are left alone. */
interface MaterializeContract extends ContractCase {

  @Test
  default void materializeStoresEachDayOfTheBoundsWithHandCountedFigures() {
    Scenario.load(data());

    List<DayOutcome> outcomes = materialize(D17, D19);

    assertEquals(3, outcomes.size());
    assertOutcome(outcomes.get(0), D17, START_17, Kind.WRITTEN, 1);
    assertOutcome(outcomes.get(1), D18, START_18, Kind.WRITTEN, 4);
    assertOutcome(outcomes.get(2), D19, START_19, Kind.WRITTEN, 1);
    List<DailyStats> stored = storedDaily(D17, D19);
    assertEquals(3, stored.size());
    assertDay(stored.get(0), D17, START_17, Scenario.DAY_17, 0, 1, 1, Source.MATERIALIZED);
    assertDay(stored.get(1), D18, START_18, Scenario.DAY_18, 0, 2, 2, Source.MATERIALIZED);
    assertDay(stored.get(2), D19, START_19, Scenario.DAY_19, 0, 1, 1, Source.MATERIALIZED);
  }

  @Test
  default void materializeStoresOneRowPerUserWithUsageAndNoneForRowsWithoutUser() {
    Scenario.load(data());
    materialize(D17, D19);
    var days = fx().calendar().bounds(new DayRange(D17, D19));

    List<UserDailyStats> u1 = await(ports().userDailyStats().stored("u1", days));
    List<UserDailyStats> u2 = await(ports().userDailyStats().stored("u2", days));

    assertEquals(1, u1.size(), "u1 has rows on 03-18 only");
    assertUser(u1.get(0), "u1", D18, START_18, Scenario.U1_18);
    assertEquals(3, u2.size());
    assertUser(u2.get(0), "u2", D17, START_17, Scenario.U2_17);
    assertUser(u2.get(1), "u2", D18, START_18, Scenario.U2_18);
    assertUser(u2.get(2), "u2", D19, START_19, Scenario.U2_19);
    // r3 (no user) counts in 03-18's 4 requests, yet u1 + u2 hold only 3 of them.
    assertEquals(3, u1.get(0).totals().totalRequests() + u2.get(1).totals().totalRequests());
  }

  @Test
  default void materializeStoresOneRowPerDayAndModel() {
    Scenario.load(data());
    materialize(D17, D19);

    List<ModelDailyStats> models =
        await(ports().modelDailyStats().stored(fx().calendar().bounds(new DayRange(D17, D19))));

    assertEquals(4, models.size(), "03-17 c, 03-18 a and b, 03-19 c");
    assertModel(models.get(0), D17, START_17, "model-c", Scenario.MODEL_C_17, Source.MATERIALIZED);
    assertModel(models.get(1), D18, START_18, "model-a", Scenario.MODEL_A_18, Source.MATERIALIZED);
    assertModel(models.get(2), D18, START_18, "model-b", Scenario.MODEL_B_18, Source.MATERIALIZED);
    assertModel(models.get(3), D19, START_19, "model-c", Scenario.MODEL_C_19, Source.MATERIALIZED);
  }

  @Test
  default void anEmptyDayGetsARowOfZerosAndNoBreakdown() {
    Scenario.load(data());

    // 03-16 has no rows and starts before the first row (r5), but has no stored row: not protected.
    List<DayOutcome> outcomes = materialize(D16, D16);

    assertOutcome(outcomes.get(0), D16, START_16, Kind.WRITTEN, 0);
    List<DailyStats> stored = storedDaily(D16, D16);
    assertEquals(1, stored.size());
    assertDay(stored.get(0), D16, START_16, Figures.ZERO, 0, 0, 0, Source.MATERIALIZED);
    var day = fx().calendar().bounds(DayRange.of(D16));
    assertEquals(List.of(), await(ports().modelDailyStats().stored(day)));
    assertEquals(List.of(), await(ports().userDailyStats().stored("u2", day)));
  }

  @Test
  default void fallbackCountsARequestOnceOnTheDayOfItsFirstExecutedAttempt() {
    Scenario.load(data());
    // A: failed 03-17 23:59:30, success 03-18 00:00:10 -> 03-17 (across midnight, counted once).
    candidate("a1", "req-fa", 0, 0, "failed", "2026-03-17T15:59:30Z");
    candidate("a2", "req-fa", 1, 0, "success", "2026-03-17T16:00:10Z");
    // B: one skipped + one executed -> not a fallback.
    candidate("b1", "req-fb", 0, 0, "skipped", "2026-03-18T02:00:00Z");
    candidate("b2", "req-fb", 1, 0, "success", "2026-03-18T02:00:01Z");
    // C: a retry and a second candidate, all on 03-18 -> 03-18, once.
    candidate("c1", "req-fc", 0, 0, "failed", "2026-03-18T04:00:00Z");
    candidate("c2", "req-fc", 0, 1, "failed", "2026-03-18T04:00:01Z");
    candidate("c3", "req-fc", 1, 0, "success", "2026-03-18T04:00:02Z");
    // D: pending is not executed -> not a fallback. E: a single success -> not a fallback.
    candidate("d1", "req-fd", 0, 0, "pending", "2026-03-18T06:00:00Z");
    candidate("d2", "req-fd", 1, 0, "success", "2026-03-18T06:00:01Z");
    candidate("e1", "req-fe", 0, 0, "success", "2026-03-18T07:00:00Z");
    // F: skipped on 03-17 23:00, executed twice on 03-18 09:00 -> 03-18 (first *executed* attempt).
    candidate("f1", "req-ff", 0, 0, "skipped", "2026-03-17T15:00:00Z");
    candidate("f2", "req-ff", 1, 0, "failed", "2026-03-18T01:00:00Z");
    candidate("f3", "req-ff", 2, 0, "success", "2026-03-18T01:00:01Z");
    // G: failed 03-18 23:59:59, success 03-19 00:00:01 -> 03-18.
    candidate("g1", "req-fg", 0, 0, "failed", "2026-03-18T15:59:59Z");
    candidate("g2", "req-fg", 1, 0, "success", "2026-03-18T16:00:01Z");

    materialize(D17, D19);

    List<DailyStats> stored = storedDaily(D17, D19);
    assertEquals(1, stored.get(0).fallbackCount(), "03-17: A");
    assertEquals(3, stored.get(1).fallbackCount(), "03-18: C, F, G");
    assertEquals(0, stored.get(2).fallbackCount(), "03-19: none starts here");
    List<DailyStats> live = await(ports().dailyStats().live(fx().calendar().bounds(new DayRange(D17, D19))));
    assertEquals(List.of(1L, 3L, 0L), live.stream().map(DailyStats::fallbackCount).toList(), "live agrees");
  }

  @Test
  default void rematerializingReplacesFiguresAndDropsKeysThatVanished() {
    Scenario.load(data());
    materialize(D18, D18);
    // Every 03-18 row moves to u2 and model-a; the pending r6 completes.
    data().updateUsage(Scenario.R1.withUser("u2", null));
    data().updateUsage(Scenario.R2.withUser("u2", null).withModel("model-a", "prov-1"));
    data().updateUsage(Scenario.R6.withStatus("completed", 200).withTokens(20, 30, 0, 0)
        .withCost("0.05", "0.05").withResponseTime(600));

    List<DayOutcome> outcomes = materialize(D18, D18);

    assertOutcome(outcomes.get(0), D18, START_18, Kind.WRITTEN, 4);
    var day = fx().calendar().bounds(DayRange.of(D18));
    // Requests r1 r2 r3 r6; errors r2 r3; tokens 100+10+20 / 50+30; response times 1000, 3000, 600.
    Figures all = Figures.requests(4, 2).tokens(130, 80, 10, 5).cost("0.65", "0.75")
        .costParts("0.30", "0.25", "0.03", "0.02").avgResponseTime(4600.0 / 3);
    assertDay(storedDaily(D18, D18).get(0), D18, START_18, all, 0, 1, 1, Source.MATERIALIZED);
    assertEquals(List.of(), await(ports().userDailyStats().stored("u1", day)), "u1 has no row left");
    List<UserDailyStats> u2 = await(ports().userDailyStats().stored("u2", day));
    assertEquals(1, u2.size());
    assertUser(u2.get(0), "u2", D18, START_18,
        Figures.requests(3, 1).tokens(130, 80, 10, 5).cost("0.65", "0"));
    List<ModelDailyStats> models = await(ports().modelDailyStats().stored(day));
    assertEquals(1, models.size(), "model-b has no row left");
    assertModel(models.get(0), D18, START_18, "model-a",
        Figures.requests(4, 2).tokens(130, 80, 10, 5).cost("0.65", "0").avgResponseTime(4600.0 / 3),
        Source.MATERIALIZED);
  }

  @Test
  default void storedDaysBeforeTheEarliestRetainedRowAreProtected() {
    Scenario.load(data());
    materialize(D17, D19);
    // Retention removes r5 (03-17) and r1 (03-18 00:00): earliest retained row is now r2 (03-18 11:00).
    assertEquals(2, data().deleteUsageBefore(Instant.parse("2026-03-18T00:00:00Z")));
    // A change a recomputation of 03-18 would show.
    data().updateUsage(Scenario.R2.withTokens(999, 0, 0, 0));

    List<DayOutcome> outcomes = materialize(D16, D19);

    assertOutcome(outcomes.get(0), D16, START_16, Kind.WRITTEN, 0); // no stored row: nothing to protect
    assertOutcome(outcomes.get(1), D17, START_17, Kind.PROTECTED, 0);
    assertOutcome(outcomes.get(2), D18, START_18, Kind.PROTECTED, 0); // starts before r2
    assertOutcome(outcomes.get(3), D19, START_19, Kind.WRITTEN, 1);
    List<DailyStats> stored = storedDaily(D16, D19);
    assertDay(stored.get(1), D17, START_17, Scenario.DAY_17, 0, 1, 1, Source.MATERIALIZED);
    assertDay(stored.get(2), D18, START_18, Scenario.DAY_18, 0, 2, 2, Source.MATERIALIZED);
    var d18 = fx().calendar().bounds(DayRange.of(D18));
    assertUser(await(ports().userDailyStats().stored("u1", d18)).get(0), "u1", D18, START_18, Scenario.U1_18);
    assertEquals(2, await(ports().modelDailyStats().stored(d18)).size(), "model rows kept too");
  }

  @Test
  default void withNoUsageRowLeftEveryStoredDayIsProtected() {
    Scenario.load(data());
    materialize(D17, D18);
    assertEquals(7, data().deleteUsageBefore(Instant.parse("2030-01-01T00:00:00Z")));

    List<DayOutcome> outcomes = materialize(D15, D18);

    assertOutcome(outcomes.get(0), D15, START_15, Kind.WRITTEN, 0);
    assertOutcome(outcomes.get(1), D16, START_16, Kind.WRITTEN, 0);
    assertOutcome(outcomes.get(2), D17, START_17, Kind.PROTECTED, 0);
    assertOutcome(outcomes.get(3), D18, START_18, Kind.PROTECTED, 0);
    assertEquals(4, storedDaily(D18, D18).get(0).totals().totalRequests());
  }

  @Test
  default void aDayWhoseFirstInstantHoldsTheEarliestRowIsNotProtected() {
    Scenario.load(data());
    materialize(D18, D18);
    // r5 goes; r1, at the very start of 03-18, becomes the earliest row: 03-18 is complete.
    assertEquals(1, data().deleteUsageBefore(START_18));
    data().updateUsage(Scenario.R1.withTokens(101, 50, 10, 5));

    List<DayOutcome> outcomes = materialize(D18, D18);

    assertOutcome(outcomes.get(0), D18, START_18, Kind.WRITTEN, 4);
    assertEquals(111, storedDaily(D18, D18).get(0).totals().inputTokens());
  }

  @Test
  default void theGatewaysFirstDayStaysRecomputableWhileNoneOfItsRowsIsGone() {
    // With r5 and r1 gone before the first materialization, 03-18 is the first day with traffic: it starts
    // before its earliest row (r2, 11:00) yet has lost nothing since it was stored.
    Scenario.load(data());
    assertEquals(2, data().deleteUsageBefore(Instant.parse("2026-03-18T00:00:00.001Z"))); // r5, r1: history starts at r2
    materialize(D18, D18);
    assertEquals(3, storedDaily(D18, D18).get(0).totals().totalRequests()); // r2, r6, r3
    // the pending r6 completes and a late row arrives: the day must show both
    data().updateUsage(Scenario.R6.withStatus("completed", 200).withTokens(20, 30, 0, 0));
    data().addUsage(UsageRow.of("late", "u1", "model-a", "prov-1", Instant.parse("2026-03-18T09:00:00Z")));

    List<DayOutcome> outcomes = materialize(D18, D18);

    assertOutcome(outcomes.get(0), D18, START_18, Kind.WRITTEN, 4);
    assertEquals(4, storedDaily(D18, D18).get(0).totals().totalRequests());
    assertEquals(30, storedDaily(D18, D18).get(0).totals().inputTokens()); // r2 10 + r6 20 (r3 NULL, late 0)
  }

  @Test
  default void materializeUsesTheGivenBoundsOnDaylightSavingDays() {
    // New York: 2026-03-08 has 23 hours (starts 05:00Z, next day 04:00Z), 2026-11-01 has 25 hours
    // (starts 04:00Z, next day 05:00Z).
    BusinessCalendar ny = new BusinessCalendar(ZoneId.of("America/New_York"),
        Clock.fixed(Instant.parse("2026-11-05T12:00:00Z"), ZoneOffset.UTC));
    PortsFixture f = fixtureFor(ny);
    f.data().addUser(UserRow.active("u1"));
    String[] at = {
      "2026-03-08T04:59:59Z", // 03-07 23:59:59 EST
      "2026-03-08T05:00:00Z", // 03-08 00:00 EST
      "2026-03-09T03:30:00Z", // 03-08 23:30 EDT
      "2026-03-09T04:30:00Z", // 03-09 00:30 EDT (a 24-hour 03-08 would take it)
      "2026-11-01T04:00:00Z", // 11-01 00:00 EDT
      "2026-11-02T04:30:00Z", // 11-01 23:30 EST (a 24-hour 11-01 would lose it)
      "2026-11-02T05:00:00Z", // 11-02 00:00 EST
    };
    for (int i = 0; i < at.length; i++) {
      f.data().addUsage(UsageRow.of("n" + i, "u1", "m", "p", Instant.parse(at[i])));
    }
    DayBounds march = ny.bounds(new DayRange(LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 9)));
    DayBounds november = ny.bounds(new DayRange(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 2)));

    List<DayOutcome> m = await(f.ports().materializeDays().materialize(march));
    List<DayOutcome> n = await(f.ports().materializeDays().materialize(november));

    assertEquals(List.of(1L, 2L, 1L), m.stream().map(DayOutcome::rowsRead).toList(), "03-07, 03-08, 03-09");
    assertEquals(List.of(0L, 2L, 1L), n.stream().map(DayOutcome::rowsRead).toList(), "10-31, 11-01, 11-02");
    assertEquals(Instant.parse("2026-03-09T04:00:00Z"), m.get(2).dayStart());
    assertEquals(Instant.parse("2026-11-02T05:00:00Z"), n.get(2).dayStart());
    assertEquals(List.of(0L, 2L, 1L), await(f.ports().dailyStats().stored(november)).stream()
        .map(d -> d.totals().totalRequests()).toList());
    assertEquals(List.of(1L, 2L, 1L), await(f.ports().userDailyStats().stored("u1", march)).stream()
        .map(u -> u.totals().totalRequests()).toList());
  }

  private void candidate(String id, String requestId, int index, int retry, String status, String at) {
    data().addCandidate(new CandidateRow(id, requestId, index, retry, status, Instant.parse(at)));
  }

  static void assertUser(UserDailyStats u, String userId, LocalDate day, Instant start, Figures f) {
    assertEquals(userId, u.userId());
    assertEquals(day, u.day());
    assertEquals(start, u.dayStart(), day + ": dayStart");
    f.assertMatches(u.totals(), userId + " " + day);
  }

  static void assertModel(ModelDailyStats m, LocalDate day, Instant start, String model, Figures f,
      Source source) {
    assertEquals(day, m.day());
    assertEquals(start, m.dayStart(), day + ": dayStart");
    assertEquals(model, m.model());
    assertEquals(source, m.source(), day + " " + model + ": source");
    f.assertMatches(m.totals(), model + " " + day);
  }
}
