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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RefreshSummary, LoadSummary, LoadUserCounts and LoadRollupState. */
interface SummaryContract extends ContractCase {

  @Test
  default void anEmptyDatabaseHasNoSummaryAndNoState() {
    assertEquals(Optional.empty(), await(ports().loadSummary().load()));
    assertEquals(new RollupState(Optional.empty(), Optional.empty(), Optional.empty()),
        await(ports().loadRollupState().load()));
    assertEquals(UserCounts.ZERO, await(ports().loadUserCounts().load()));
  }

  @Test
  default void refreshSumsTheStoredDaysBeforeTheCutoff() {
    Scenario.load(data());
    materialize(D17, D19);

    Summary refreshed = await(ports().refreshSummary().refresh(START_19));

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
    await(ports().refreshSummary().refresh(START_19));

    await(ports().refreshSummary().refresh(START_20));
    Summary later = await(ports().loadSummary().load()).orElseThrow();
    assertEquals(START_20, later.cutoff());
    Figures.requests(6, 2).tokens(113, 53, 10, 5).cost("0.63", "0.73").assertMatches(later.allTime(), "+03-19");

    await(ports().refreshSummary().refresh(START_17));
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

    Summary s = await(ports().refreshSummary().refresh(START_19));

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
    await(ports().refreshSummary().refresh(START_19));

    assertEquals(new RollupState(Optional.of(START_19), Optional.of(START_18), Optional.of(Scenario.R5.createdAt())),
        await(ports().loadRollupState().load()));

    data().deleteUsageBefore(Instant.parse("2026-03-18T00:00:00Z"));
    assertEquals(Optional.of(Scenario.R2.createdAt()), await(ports().loadRollupState().load()).firstUsageAt());
  }
}
