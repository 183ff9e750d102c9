package dev.aether.stats.domain.contract;

import static dev.aether.stats.domain.contract.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.fakes.CandidateRow;
import dev.aether.stats.domain.fakes.GatewayData;
import dev.aether.stats.domain.fakes.HourPorts;
import dev.aether.stats.domain.fakes.UsageRow;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.HourlyStats;
import dev.aether.stats.domain.model.ModelHourlyStats;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.planner.HourPlanner;
import dev.aether.stats.domain.port.ChangedHour;
import dev.aether.stats.domain.port.DailyStatsReader;
import dev.aether.stats.domain.port.MaterializeDays;
import dev.aether.stats.domain.run.DayOutcome.Kind;
import dev.aether.stats.domain.run.HourOutcome;
import dev.aether.stats.domain.usecase.HourlyMaintenance;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hour-bucket ports (MaterializeHours, the hourly readers, FindChangedHours) on the {@link Scenario}
 * rows, figures worked out by hand per UTC hour. Subclass once per implementation.
 *
 * <pre>
 * hour (UTC)          index  rows
 * 2026-03-17T15:00Z   0      r5 (model-c)
 * 2026-03-17T16:00Z   1      r1 (model-a)
 * 2026-03-18T03:00Z   12     r2 (model-b, 500)
 * 2026-03-18T05:00Z   14     r6 (model-a, pending)
 * 2026-03-18T15:00Z   24     r3 (model-a, error message)
 * 2026-03-18T16:00Z   25     r4 (model-c)
 * </pre>
 */
public abstract class HourlyContract {
  /** The 26 hours from r5's to r4's. */
  static final HourRange HOURS = new HourRange(Instant.parse("2026-03-17T15:00:00Z"),
      Instant.parse("2026-03-18T17:00:00Z"));

  /** The hour ports, the data writer, and the day ports the maintenance use case writes days with. */
  public record HourFixture(HourPorts ports, GatewayData data, MaterializeDays days, DailyStatsReader daily) {
    public HourFixture {
      Objects.requireNonNull(ports, "ports");
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(days, "days");
      Objects.requireNonNull(daily, "daily");
    }
  }

  private HourFixture fx;

  /** Hour ports and a data writer over an empty database. */
  protected abstract HourFixture createFixture();

  @BeforeEach
  final void setUp() {
    fx = createFixture();
    Scenario.load(fx.data());
  }

  private List<HourOutcome> materialize(HourRange hours) {
    return await(fx.ports().materializeHours().materialize(hours));
  }

  private List<HourlyStats> stored() {
    return await(fx.ports().hourlyStats().stored(HOURS));
  }

  @Test
  void everyHourIsWrittenWithTheRowsItHolds() {
    List<HourOutcome> outcomes = materialize(HOURS);

    assertEquals(26, outcomes.size());
    for (int i = 0; i < 26; i++) {
      assertEquals(HOURS.hour(i), outcomes.get(i).hour());
      assertEquals(Kind.WRITTEN, outcomes.get(i).kind());
      long expected = i == 0 || i == 1 || i == 12 || i == 14 || i == 24 || i == 25 ? 1 : 0;
      assertEquals(expected, outcomes.get(i).rowsRead(), "rows of hour " + i);
    }
    List<HourlyStats> stored = stored();
    assertEquals(26, stored.size(), "a row for every hour, empty ones included");
    assertHour(stored.get(1), HOURS.hour(1), Figures.requests(1, 0).tokens(100, 50, 10, 5).cost("0.50", "0.60")
        .costParts("0.20", "0.25", "0.03", "0.02").avgResponseTime(1000), 0, Source.MATERIALIZED);
    assertHour(stored.get(12), HOURS.hour(12), Figures.requests(1, 1).tokens(10, 0, 0, 0).cost("0.10", "0.10")
        .costParts("0.10", "0", "0", "0").avgResponseTime(3000), 0, Source.MATERIALIZED);
    assertHour(stored.get(14), HOURS.hour(14), Figures.requests(1, 0), 1, Source.MATERIALIZED);
    assertHour(stored.get(24), HOURS.hour(24), Figures.requests(1, 1), 0, Source.MATERIALIZED);
    assertHour(stored.get(2), HOURS.hour(2), Figures.ZERO, 0, Source.MATERIALIZED);
    assertEquals(1, stored.get(12).uniqueModels());
    assertEquals(0, stored.get(2).uniqueProviders());
  }

  @Test
  void theNewestStoredHourIsTheLastOneWritten() {
    assertEquals(java.util.Optional.empty(), await(fx.ports().hourlyStats().newestStoredHour()));
    materialize(HOURS);
    assertEquals(java.util.Optional.of(HOURS.hour(25)), await(fx.ports().hourlyStats().newestStoredHour()));
  }

  @Test
  void oneModelRowPerHourAndModelWithRows() {
    materialize(HOURS);

    List<ModelHourlyStats> models = await(fx.ports().modelHourlyStats().stored(HOURS));

    assertEquals(List.of("0 model-c", "1 model-a", "12 model-b", "14 model-a", "24 model-a", "25 model-c"),
        models.stream().map(m -> index(m.hour()) + " " + m.model()).toList());
    Figures.requests(1, 0).tokens(2, 2, 0, 0).cost("0.02", "0").avgResponseTime(200)
        .assertMatches(models.get(0).totals(), "model-c at 15:00");
    Figures.requests(1, 1).assertMatches(models.get(4).totals(), "model-a at 03-18 15:00 (r3)");
  }

  @Test
  void liveHoursHaveTheFiguresOfTheirRows() {
    List<HourlyStats> live = await(fx.ports().hourlyStats().live(HOURS));

    assertEquals(26, live.size());
    assertHour(live.get(0), HOURS.hour(0), Figures.requests(1, 0).tokens(2, 2, 0, 0).cost("0.02", "0.02")
        .avgResponseTime(200), 0, Source.LIVE);
    assertHour(live.get(14), HOURS.hour(14), Figures.requests(1, 0), 1, Source.LIVE);
    assertHour(live.get(3), HOURS.hour(3), Figures.ZERO, 0, Source.LIVE);
    List<ModelHourlyStats> models = await(fx.ports().modelHourlyStats().live(HOURS));
    assertEquals(6, models.size());
    assertEquals("model-b", models.get(2).model());
    assertEquals(Source.LIVE, models.get(2).source());
  }

  @Test
  void rematerializingReplacesFiguresAndDropsModelsThatVanished() {
    materialize(HOURS);
    fx.data().updateUsage(Scenario.R2.withModel("model-a", "prov-1"));
    fx.data().updateUsage(Scenario.R6.withStatus("completed", 200).withTokens(20, 30, 0, 0)
        .withCost("0.05", "0.05").withResponseTime(600));

    materialize(HOURS);

    assertHour(stored().get(14), HOURS.hour(14), Figures.requests(1, 0).tokens(20, 30, 0, 0).cost("0.05", "0.05")
        .avgResponseTime(600), 0, Source.MATERIALIZED);
    List<ModelHourlyStats> models = await(fx.ports().modelHourlyStats().stored(new HourRange(HOURS.hour(12),
        HOURS.hour(13))));
    assertEquals(List.of("model-a"), models.stream().map(ModelHourlyStats::model).toList(), "model-b removed");
  }

  @Test
  void fallbacksCountOnTheHourOfTheFirstExecutedAttempt() {
    fx.data().addCandidate(new CandidateRow("a1", "req-fa", 0, 0, "failed", Instant.parse("2026-03-17T15:59:30Z")));
    fx.data().addCandidate(new CandidateRow("a2", "req-fa", 1, 0, "success", Instant.parse("2026-03-17T16:00:10Z")));

    materialize(HOURS);

    assertEquals(1, stored().get(0).fallbackCount());
    assertEquals(0, stored().get(1).fallbackCount());
    assertEquals(1, await(fx.ports().hourlyStats().live(HOURS)).get(0).fallbackCount(), "live agrees");
  }

  @Test
  void aShortLiveRunCountsTheRequestsWhoseFirstExecutedAttemptIsInItsHours() {
    fx.data().addCandidate(new CandidateRow("b1", "req-in", 0, 0, "failed", Instant.parse("2026-03-17T15:59:30Z")));
    fx.data().addCandidate(new CandidateRow("b2", "req-in", 1, 0, "success", Instant.parse("2026-03-17T16:00:10Z")));
    // first attempt before the run: its second one in the run does not count
    fx.data().addCandidate(new CandidateRow("b3", "req-before", 0, 0, "failed", Instant.parse("2026-03-17T14:59:00Z")));
    fx.data().addCandidate(new CandidateRow("b4", "req-before", 1, 0, "success", Instant.parse("2026-03-17T15:10:00Z")));
    // first attempt in the run's last hour, the second one after the run: counts
    fx.data().addCandidate(new CandidateRow("b5", "req-after", 0, 0, "failed", Instant.parse("2026-03-17T16:59:50Z")));
    fx.data().addCandidate(new CandidateRow("b6", "req-after", 1, 0, "success", Instant.parse("2026-03-17T17:00:20Z")));
    // one executed attempt only: no fallback
    fx.data().addCandidate(new CandidateRow("b7", "req-once", 0, 0, "success", Instant.parse("2026-03-17T16:30:00Z")));

    List<HourlyStats> live = await(fx.ports().hourlyStats().live(new HourRange(Instant.parse("2026-03-17T15:00:00Z"),
        Instant.parse("2026-03-17T17:00:00Z"))));
    assertEquals(List.of(1L, 1L), live.stream().map(HourlyStats::fallbackCount).toList());
  }

  /**
   * A live run reaching past the rows (the rest of today): its later hours are answered empty, and a request
   * whose attempts come after every usage row still counts on the hour of its first one. r4 (16:00) is the
   * last usage row; the attempts are at 18:59:50 and 19:00:20.
   */
  @Test
  void aLiveRunPastTheLastRowAnswersEveryHourAndCountsLaterAttempts() {
    fx.data().addCandidate(new CandidateRow("c1", "req-late", 0, 0, "failed", Instant.parse("2026-03-18T18:59:50Z")));
    fx.data().addCandidate(new CandidateRow("c2", "req-late", 1, 0, "success", Instant.parse("2026-03-18T19:00:20Z")));
    HourRange run = new HourRange(Instant.parse("2026-03-18T16:00:00Z"), Instant.parse("2026-03-18T22:00:00Z"));

    List<HourlyStats> live = await(fx.ports().hourlyStats().live(run));
    assertEquals(run.hours(), live.stream().map(HourlyStats::hour).toList());
    assertEquals(List.of(1L, 0L, 0L, 0L, 0L, 0L), live.stream().map(h -> h.totals().totalRequests()).toList());
    assertEquals(List.of(0L, 0L, 1L, 0L, 0L, 0L), live.stream().map(HourlyStats::fallbackCount).toList());
    assertEquals(List.of("model-c"), await(fx.ports().modelHourlyStats().live(run)).stream()
        .map(ModelHourlyStats::model).toList());

    HourRange empty = new HourRange(Instant.parse("2026-03-19T00:00:00Z"), Instant.parse("2026-03-19T03:00:00Z"));
    List<HourlyStats> none = await(fx.ports().hourlyStats().live(empty));
    assertEquals(empty.hours(), none.stream().map(HourlyStats::hour).toList());
    assertEquals(List.of(0L, 0L, 0L), none.stream().map(h -> h.totals().totalRequests()).toList());
    assertEquals(List.of(), await(fx.ports().modelHourlyStats().live(empty)));
  }

  /**
   * A bucket written up to an instant inside its hour (the timer's current hour) holds only the rows created
   * before that instant: it is no hour's stored figures (nor the newest stored hour), the change detection
   * asks for it again once the hour is watched, and a write with every row makes it complete.
   * r3 is at 15:59:59.999 of hour 24, r4 at 16:00 sharp (hour 25).
   */
  @Test
  void aBucketWrittenUpToAnInstantInsideItsHourIsPartial() {
    HourRange lastTwo = new HourRange(HOURS.hour(24), HOURS.to());
    Instant beforeR3 = Instant.parse("2026-03-18T15:59:59.998Z");

    List<HourOutcome> early = await(fx.ports().materializeHours().materialize(lastTwo, beforeR3));
    assertEquals(List.of(0L, 0L), early.stream().map(HourOutcome::rowsRead).toList(), "r3 is not before the instant");
    assertEquals(List.of(Kind.WRITTEN, Kind.WRITTEN), early.stream().map(HourOutcome::kind).toList());
    List<HourOutcome> late = await(fx.ports().materializeHours().materialize(lastTwo,
        Instant.parse("2026-03-18T16:00:00.001Z")));
    assertEquals(List.of(1L, 1L), late.stream().map(HourOutcome::rowsRead).toList(),
        "r3 in hour 24, now complete; r4 (16:00 sharp) in hour 25's partial bucket");

    assertEquals(List.of(HOURS.hour(24)), stored().stream().map(HourlyStats::hour).toList(),
        "hour 24 is complete; hour 25 is partial");
    assertEquals(java.util.Optional.of(HOURS.hour(24)), await(fx.ports().hourlyStats().newestStoredHour()));
    assertEquals(List.of(ChangedHour.Reason.PARTIAL), reasons(new HourRange(HOURS.hour(25), HOURS.to())));
    // read live, the partial hour is its bucket's rows plus the rest of the hour's rows: the same figures
    List<HourlyStats> live = await(fx.ports().hourlyStats().live(lastTwo));
    assertHour(live.get(0), HOURS.hour(24), Figures.requests(1, 1), 0, Source.LIVE);
    assertHour(live.get(1), HOURS.hour(25), Figures.requests(1, 0).tokens(1, 1, 0, 0).cost("0.01", "0.01")
        .avgResponseTime(400), 0, Source.LIVE);
    assertEquals(List.of("24 model-a", "25 model-c"), await(fx.ports().modelHourlyStats().live(lastTwo)).stream()
        .map(m -> index(m.hour()) + " " + m.model()).toList());

    materialize(lastTwo);
    assertEquals(List.of(HOURS.hour(24), HOURS.hour(25)), stored().stream().map(HourlyStats::hour).toList());
    assertHour(stored().get(1), HOURS.hour(25), Figures.requests(1, 0).tokens(1, 1, 0, 0).cost("0.01", "0.01")
        .avgResponseTime(400), 0, Source.MATERIALIZED);
    assertEquals(List.of(), changed(new HourRange(HOURS.hour(25), HOURS.to())));
  }

  @Test
  void hoursThatLostRowsToRetentionAreProtected() {
    materialize(HOURS);
    assertEquals(2, fx.data().deleteUsageBefore(Instant.parse("2026-03-17T16:00:00.500Z"))); // r5, r1

    List<HourOutcome> outcomes = materialize(HOURS);

    assertEquals(Kind.PROTECTED, outcomes.get(0).kind());
    assertEquals(Kind.PROTECTED, outcomes.get(1).kind());
    assertEquals(Kind.WRITTEN, outcomes.get(2).kind(), "stored empty, lost nothing");
    assertEquals(1, stored().get(1).totals().totalRequests(), "history kept");
    assertEquals(List.of(HOURS.hour(14)), changed(HOURS), "protected hours are no change to redo");
  }

  @Test
  void changedHoursAreThoseWhoseRowsChangedOrWerePendingWhenWritten() {
    materialize(HOURS);
    assertEquals(List.of(HOURS.hour(14)), changed(HOURS), "r6 was pending when written");

    fx.data().addUsage(UsageRow.of("late", "u1", "model-a", "prov-1", Instant.parse("2026-03-18T07:30:00Z")));
    fx.data().updateUsage(Scenario.R4.withCreatedAt(Instant.parse("2026-03-18T20:10:00Z")));
    HourRange wider = new HourRange(HOURS.from(), Instant.parse("2026-03-18T22:00:00Z"));

    List<Instant> unmaterialized = new HourRange(HOURS.to(), wider.to()).hours(); // 17:00 .. 21:00, r4 now in 20:00
    List<Instant> expected = new java.util.ArrayList<>(List.of(HOURS.hour(14), HOURS.hour(16), HOURS.hour(25)));
    expected.addAll(unmaterialized);
    assertEquals(expected, changed(wider), "r6's hour, the late row's, the hour r4 left and the hours without a bucket");
    assertEquals(List.of(ChangedHour.Reason.UNSETTLED, ChangedHour.Reason.ROWS, ChangedHour.Reason.ROWS,
        ChangedHour.Reason.MISSING, ChangedHour.Reason.MISSING, ChangedHour.Reason.MISSING,
        ChangedHour.Reason.MISSING, ChangedHour.Reason.MISSING), reasons(wider));

    fx.data().updateUsage(Scenario.R6.withStatus("completed", 200));
    materialize(wider);
    assertEquals(List.of(), changed(wider), "nothing left to redo");
  }

  /**
   * The use case on this implementation: after one run, a late row, a completed pending row and a deleted
   * row are in the buckets and in their (closed) days after the next run, which rewrites only those days.
   * Shanghai days; now 2026-03-20 12:00 local (04:00Z), so the watched hours are 03-18 04:00Z .. 03-20 04:00Z.
   */
  @Test
  void maintenanceReflectsALateACompletedAndADeletedRowAfterTheNextRun() {
    BusinessCalendar calendar = March2026.calendar();
    HourlyMaintenance maintenance = new HourlyMaintenance(fx.ports().changedHours(), fx.ports().materializeHours(),
        fx.days(), new HourPlanner(calendar, 48, 2), calendar);
    await(fx.days().materialize(calendar.bounds(new DayRange(March2026.D17, March2026.D19))));
    await(maintenance.run());
    fx.data().addUsage(UsageRow.of("late", "u1", "model-b", "prov-2", Instant.parse("2026-03-19T03:10:00Z"))
        .withTokens(5, 5, 0, 0).withCost("0.04", "0.04").withResponseTime(100));   // Shanghai 03-19 11:10
    fx.data().updateUsage(Scenario.R6.withStatus("completed", 200).withTokens(20, 30, 0, 0)
        .withCost("0.05", "0.05").withResponseTime(600));                         // 03-18
    fx.data().deleteUsage("r4");                                                   // 03-19 00:00

    HourlyMaintenance.Result r = await(maintenance.run());

    assertEquals(List.of(new DayRange(March2026.D18, March2026.D19)), r.plan().days(), "not 03-17");
    List<DailyStats> days = await(fx.daily().stored(calendar.bounds(new DayRange(March2026.D18, March2026.D19))));
    Figures.requests(4, 2).tokens(130, 80, 10, 5).cost("0.65", "0.75").costParts("0.30", "0.25", "0.03", "0.02")
        .avgResponseTime(4600.0 / 3).assertMatches(days.get(0).totals(), "03-18 with r6 completed");
    Figures.requests(1, 0).tokens(5, 5, 0, 0).cost("0.04", "0.04").avgResponseTime(100)
        .assertMatches(days.get(1).totals(), "03-19 without r4, with the late row");
    assertHour(await(fx.ports().hourlyStats().stored(new HourRange(Instant.parse("2026-03-19T03:00:00Z"),
        Instant.parse("2026-03-19T04:00:00Z")))).get(0), Instant.parse("2026-03-19T03:00:00Z"),
        Figures.requests(1, 0).tokens(5, 5, 0, 0).cost("0.04", "0.04").avgResponseTime(100), 0,
        Source.MATERIALIZED);
  }

  private List<Instant> changed(HourRange hours) {
    return await(fx.ports().changedHours().changed(hours)).stream().map(ChangedHour::hour).toList();
  }

  private List<ChangedHour.Reason> reasons(HourRange hours) {
    return await(fx.ports().changedHours().changed(hours)).stream().map(ChangedHour::reason).toList();
  }

  private static int index(Instant hour) {
    return (int) ((hour.getEpochSecond() - HOURS.from().getEpochSecond()) / 3600);
  }

  static void assertHour(HourlyStats h, Instant hour, Figures f, long unsettled, Source source) {
    assertEquals(hour, h.hour());
    f.assertMatches(h.totals(), hour.toString());
    assertEquals(unsettled, h.unsettledRequests(), hour + ": unsettled_requests");
    assertEquals(source, h.source(), hour + ": source");
  }
}
