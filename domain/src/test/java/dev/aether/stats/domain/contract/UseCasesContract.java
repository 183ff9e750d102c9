package dev.aether.stats.domain.contract;

import static dev.aether.stats.domain.contract.March2026.D16;
import static dev.aether.stats.domain.contract.March2026.D17;
import static dev.aether.stats.domain.contract.March2026.D19;
import static dev.aether.stats.domain.contract.March2026.D20;
import static dev.aether.stats.domain.contract.March2026.NOW;
import static dev.aether.stats.domain.contract.March2026.START_18;
import static dev.aether.stats.domain.contract.March2026.START_20;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.fakes.UsageRow;
import dev.aether.stats.domain.model.CombinedStats;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.model.UserCounts;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunStatus;
import dev.aether.stats.domain.usecase.ProgressListener;
import dev.aether.stats.domain.usecase.RollupResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The use cases over the implementation's ports: the ports must fit together, not only work alone. */
interface UseCasesContract extends ContractCase {

  /** All seven rows, as the summary's fields (requests, errors, tokens, total and actual cost). */
  Figures ALL_ROWS_SUMMARY_FIELDS = Figures.requests(7, 2).tokens(120, 53, 10, 5).cost("0.70", "0.80");

  @Test
  default void combinedWithAStaleSummaryCountsEveryDaySinceItsCutoff() {
    Scenario.load(data());
    materialize(D17, D17);
    // Cutoff 03-18: 03-18 and 03-19 closed since; the seed's summary + today would miss r1 r2 r6 r3 r4.
    await(ports().refreshSummary().refresh(START_18, March2026.dayStarts()));

    CombinedStats combined = await(ports().queries(fx().calendar()).combined());

    ALL_ROWS_SUMMARY_FIELDS.assertMatches(combined.totals(), "combined");
    assertEquals(START_18, combined.liveFrom());
    assertEquals(NOW, combined.asOf());
    assertEquals(new UserCounts(2, 2, 1, 1), combined.accounts());
  }

  @Test
  default void combinedWithoutSummaryIsAllLive() {
    Scenario.load(data());

    CombinedStats combined = await(ports().queries(fx().calendar()).combined());

    ALL_ROWS_SUMMARY_FIELDS.assertMatches(combined.totals(), "combined");
    assertNull(combined.liveFrom());
  }

  @Test
  default void backfillMaterializesTheHistoryAndRecordsTheRun() {
    Scenario.load(data());

    RollupResult result = await(ports().rollupService(fx().calendar(), 2).backfill(3, ProgressListener.NONE));

    // today - 3 = 03-17 = r5's day; up to yesterday 03-19: rows 1 + 4 + 1.
    assertEquals(List.of(D17, D17.plusDays(1), D19), result.days().stream().map(d -> d.day()).toList());
    assertEquals(RunStatus.SUCCEEDED, result.run().status());
    assertEquals(RunKind.BACKFILL, result.run().kind());
    assertEquals(new DayRange(D17, D19), result.run().range());
    assertEquals(3, result.run().daysWritten());
    assertEquals(6, result.run().rowsRead());
    assertEquals(START_20, result.summary().cutoff());
    assertEquals(6, result.summary().allTime().totalRequests());
    assertEquals(RunStatus.SUCCEEDED, await(ports().runLog().find(result.run().id())).orElseThrow().status());
  }

  @Test
  default void dailyReadsStoredClosedDaysAndComputesTheRestLive() {
    Scenario.load(data());
    materialize(D17, D17);
    // A row arriving after 03-17 was materialized: the stored day does not have it yet.
    data().addUsage(UsageRow.of("late", "u2", "model-c", "prov-3", Instant.parse("2026-03-17T02:00:00Z")));

    List<DailyStats> days = await(ports().queries(fx().calendar()).daily(new DayRange(D16, D20)));

    assertEquals(List.of(D16, D17, D17.plusDays(1), D19, D20), days.stream().map(DailyStats::day).toList());
    assertEquals(List.of(Source.LIVE, Source.MATERIALIZED, Source.LIVE, Source.LIVE, Source.LIVE),
        days.stream().map(DailyStats::source).toList());
    assertEquals(List.of(0L, 1L, 4L, 1L, 1L), days.stream().map(d -> d.totals().totalRequests()).toList());
  }

  @Test
  default void userDailyOfAnUnknownUserIsEmpty() {
    Scenario.load(data());

    assertEquals(Optional.empty(),
        await(ports().queries(fx().calendar()).userDaily("nobody", new DayRange(D16, D20))));
  }
}
