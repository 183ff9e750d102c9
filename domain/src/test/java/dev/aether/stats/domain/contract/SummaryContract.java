package dev.aether.stats.domain.contract;

import static dev.aether.stats.domain.contract.March2026.D17;
import static dev.aether.stats.domain.contract.March2026.D18;
import static dev.aether.stats.domain.contract.March2026.D19;
import static dev.aether.stats.domain.contract.March2026.START_17;
import static dev.aether.stats.domain.contract.March2026.START_18;
import static dev.aether.stats.domain.contract.March2026.START_19;
import static dev.aether.stats.domain.contract.March2026.START_20;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.aether.stats.domain.fakes.ApiKeyRow;
import dev.aether.stats.domain.fakes.UsageRow;
import dev.aether.stats.domain.fakes.UserRow;
import dev.aether.stats.domain.model.Summary;
import dev.aether.stats.domain.model.UserCounts;
import dev.aether.stats.domain.port.RollupState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RefreshSummary, LoadSummary, LoadUserCounts and LoadRollupState. */
interface SummaryContract extends ContractCase {

  /** Refreshes over every day start of the contract's calendar from 03-10 to 03-25. */
  private Summary refresh(Instant cutoff) {
    List<Instant> starts = new java.util.ArrayList<>();
    for (int d = 10; d <= 25; d++) {
      starts.add(March2026.calendar().startOf(java.time.LocalDate.of(2026, 3, d)));
    }
    return await(ports().refreshSummary().refresh(cutoff, starts));
  }

  @Test
  default void refreshCountsOnlyTheListedDayStarts() {
    Scenario.load(data());
    materialize(D17, D19);
    // 03-17 (r5) not listed: left out, as rows another zone's days left behind are
    Summary s = await(ports().refreshSummary().refresh(START_20, List.of(START_18, START_19)));
    // 03-18: r1, r2, r6, r3; 03-19: r4
    assertEquals(5, s.allTime().totalRequests());
    assertEquals(6, refresh(START_20).allTime().totalRequests(), "with 03-17 listed too");
  }

  @Test
  default void anEmptyDatabaseHasNoSummaryAndNoState() {
    assertEquals(Optional.empty(), await(ports().loadSummary().load()));
    assertEquals(new RollupState(Optional.empty(), Optional.empty(), List.of()),
        await(ports().loadRollupState().load()));
    assertEquals(UserCounts.ZERO, await(ports().loadUserCounts().load()));
  }

  @Test
  default void refreshSumsTheStoredDaysBeforeTheCutoff() {
    Scenario.load(data());
    materialize(D17, D19);

    Summary refreshed = refresh(START_19);

    assertEquals(START_19, refreshed.cutoff());
    // 03-17 + 03-18 (not 03-19): r5, r1, r2, r6, r3. Only the fields stats_summary stores.
    Figures.requests(5, 2).tokens(112, 52, 10, 5).cost("0.62", "0.72")
        .assertMatches(refreshed.allTime(), "summary");
    assertEquals(new UserCounts(2, 2, 1, 1), refreshed.accounts());
    assertNotNull(refreshed.updatedAt());
    Summary loaded = await(ports().loadSummary().load()).orElseThrow();
    assertEquals(START_19, loaded.cutoff());
    Figures.requests(5, 2).tokens(112, 52, 10, 5).cost("0.62", "0.72").assertMatches(loaded.allTime(), "loaded");
    assertEquals(new UserCounts(2, 2, 1, 1), loaded.accounts());
  }

  @Test
  default void refreshReplacesTheSingleSummary() {
    Scenario.load(data());
    materialize(D17, D19);
    refresh(START_19);

    refresh(START_20);
    Summary later = await(ports().loadSummary().load()).orElseThrow();
    assertEquals(START_20, later.cutoff());
    Figures.requests(6, 2).tokens(113, 53, 10, 5).cost("0.63", "0.73").assertMatches(later.allTime(), "+03-19");

    refresh(START_17);
    Summary earlier = await(ports().loadSummary().load()).orElseThrow();
    assertEquals(START_17, earlier.cutoff());
    Figures.ZERO.assertMatches(earlier.allTime(), "no stored day starts before 03-17");
  }

  @Test
  default void refreshSumsStoredRowsNotRawRows() {
    Scenario.load(data());
    materialize(D17, D18);
    // Rows added after materialization are not in the summary until their day is materialized again.
    data().addUsage(UsageRow.of("late", "u1", "model-x", "prov-9", Instant.parse("2026-03-17T01:00:00Z")));

    Summary s = refresh(START_19);

    assertEquals(5, s.allTime().totalRequests());
  }

  @Test
  default void userCountsLeaveOutSoftDeletedUsersButCountEveryKey() {
    data().addUser(new UserRow("u1", true, false));
    data().addUser(new UserRow("u2", false, false));
    data().addUser(new UserRow("u3", true, true));
    data().addUser(new UserRow("u4", false, true));
    data().addApiKey(new ApiKeyRow("k1", "u1", true));
    data().addApiKey(new ApiKeyRow("k2", "u2", false));
    data().addApiKey(new ApiKeyRow("k3", "u3", true));

    // users: u1, u2 (not deleted), active: u1; keys: all three, active: k1, k3.
    assertEquals(new UserCounts(2, 1, 3, 2), await(ports().loadUserCounts().load()));

    data().updateUser(new UserRow("u2", true, false));
    data().updateUser(new UserRow("u1", true, true));
    data().updateApiKey(new ApiKeyRow("k2", "u2", true));
    // users: u2 only; keys: all three active.
    assertEquals(new UserCounts(1, 1, 3, 3), await(ports().loadUserCounts().load()));
  }

  @Test
  default void rollupStateTellsCutoffNewestStoredDayAndFirstRetainedRow() {
    Scenario.load(data());
    materialize(D17, D18);
    refresh(START_19);

    assertEquals(new RollupState(Optional.of(START_19), Optional.of(Scenario.R5.createdAt()), List.of(START_17, START_18)),
        await(ports().loadRollupState().load()));
    assertEquals(Optional.of(START_18), await(ports().loadRollupState().load()).newestMaterializedDayStart());

    data().deleteUsageBefore(Instant.parse("2026-03-18T00:00:00Z"));
    assertEquals(Optional.of(Scenario.R2.createdAt()), await(ports().loadRollupState().load()).firstUsageAt());
  }
}
