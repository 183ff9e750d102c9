package dev.aether.stats.domain.contract;

import static dev.aether.stats.domain.contract.ContractCase.assertDay;
import static dev.aether.stats.domain.contract.March2026.D16;
import static dev.aether.stats.domain.contract.March2026.D17;
import static dev.aether.stats.domain.contract.March2026.D18;
import static dev.aether.stats.domain.contract.March2026.D19;
import static dev.aether.stats.domain.contract.March2026.D20;
import static dev.aether.stats.domain.contract.March2026.NOW;
import static dev.aether.stats.domain.contract.March2026.START_16;
import static dev.aether.stats.domain.contract.March2026.START_17;
import static dev.aether.stats.domain.contract.March2026.START_18;
import static dev.aether.stats.domain.contract.March2026.START_19;
import static dev.aether.stats.domain.contract.March2026.START_20;
import static dev.aether.stats.domain.contract.MaterializeContract.assertModel;
import static dev.aether.stats.domain.contract.MaterializeContract.assertUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.fakes.UserRow;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.LiveTotals;
import dev.aether.stats.domain.model.ModelDailyStats;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.model.UserDailyStats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readers and LoadLiveTotals: figures computed at read time, and stored rows read back. */
interface ReadersContract extends ContractCase {

  private DayBounds days(LocalDate first, LocalDate last) {
    return fx().calendar().bounds(new DayRange(first, last));
  }

  @Test
  default void liveDailyGivesEveryDayInOrderWithZerosForEmptyDays() {
    Scenario.load(data());

    List<DailyStats> live = await(ports().dailyStats().live(days(D16, D20)));

    assertEquals(5, live.size());
    assertDay(live.get(0), D16, START_16, Figures.ZERO, 0, 0, 0, Source.LIVE);
    assertDay(live.get(1), D17, START_17, Scenario.DAY_17, 0, 1, 1, Source.LIVE);
    assertDay(live.get(2), D18, START_18, Scenario.DAY_18, 0, 2, 2, Source.LIVE);
    assertDay(live.get(3), D19, START_19, Scenario.DAY_19, 0, 1, 1, Source.LIVE);
    assertDay(live.get(4), D20, START_20, Scenario.DAY_20, 0, 1, 1, Source.LIVE);
  }

  @Test
  default void storedDailyReturnsOnlyMaterializedDays() {
    Scenario.load(data());
    materialize(D17, D17);
    materialize(D19, D19);

    List<DailyStats> stored = await(ports().dailyStats().stored(days(D16, D20)));

    assertEquals(2, stored.size());
    assertDay(stored.get(0), D17, START_17, Scenario.DAY_17, 0, 1, 1, Source.MATERIALIZED);
    assertDay(stored.get(1), D19, START_19, Scenario.DAY_19, 0, 1, 1, Source.MATERIALIZED);
  }

  @Test
  default void liveUserDailyHasOnlyDaysWithTheUsersRows() {
    Scenario.load(data());

    List<UserDailyStats> u1 = await(ports().userDailyStats().live("u1", days(D16, D20)));
    List<UserDailyStats> u2 = await(ports().userDailyStats().live("u2", days(D16, D20)));

    assertEquals(2, u1.size());
    assertUser(u1.get(0), "u1", D18, START_18, Scenario.U1_18);
    assertUser(u1.get(1), "u1", D20, START_20, Scenario.U1_20);
    assertTrue(u1.stream().allMatch(u -> u.source() == Source.LIVE));
    assertEquals(3, u2.size());
    assertUser(u2.get(0), "u2", D17, START_17, Scenario.U2_17);
    assertUser(u2.get(1), "u2", D18, START_18, Scenario.U2_18);
    assertUser(u2.get(2), "u2", D19, START_19, Scenario.U2_19);
  }

  @Test
  default void liveModelDailyIsOrderedByDayThenModel() {
    Scenario.load(data());

    List<ModelDailyStats> models = await(ports().modelDailyStats().live(days(D17, D19)));

    assertEquals(4, models.size());
    assertModel(models.get(0), D17, START_17, "model-c", Scenario.MODEL_C_17, Source.LIVE);
    assertModel(models.get(1), D18, START_18, "model-a", Scenario.MODEL_A_18, Source.LIVE);
    assertModel(models.get(2), D18, START_18, "model-b", Scenario.MODEL_B_18, Source.LIVE);
    assertModel(models.get(3), D19, START_19, "model-c", Scenario.MODEL_C_19, Source.LIVE);
  }

  @Test
  default void aUserExistsWhileItHasARowEvenSoftDeleted() {
    Scenario.load(data());
    data().addUser(new UserRow("u3", true, true));

    assertTrue(await(ports().userDailyStats().userExists("u1")));
    assertTrue(await(ports().userDailyStats().userExists("u3")), "soft-deleted");
    assertFalse(await(ports().userDailyStats().userExists("nobody")));
  }

  @Test
  default void liveTotalsSumTheHalfOpenWindowAndCountUnsettledRows() {
    Scenario.load(data());

    LiveTotals day18 = await(ports().loadLiveTotals().between(START_18, START_19));
    LiveTotals r1Only = await(ports().loadLiveTotals().between(START_18, Scenario.R2.createdAt()));

    assertEquals(START_18, day18.from());
    assertEquals(START_19, day18.to());
    Scenario.DAY_18.assertMatches(day18.totals(), "03-18 live");
    assertEquals(1, day18.unsettledRequests(), "r6 is pending");
    assertEquals(1, r1Only.totals().totalRequests(), "r1 at `from` is in, r2 at `to` is out");
  }

  @Test
  default void liveTotalsFromNullStartAtTheFirstRow() {
    Scenario.load(data());

    LiveTotals all = await(ports().loadLiveTotals().between(null, NOW));

    assertNull(all.from());
    Scenario.ALL_ROWS.assertMatches(all.totals(), "all rows");
    assertEquals(2, all.unsettledRequests(), "r6 pending, r7 streaming");
  }

  @Test
  default void liveTotalsOfAnEmptyOrInvertedWindowAreZero() {
    Scenario.load(data());

    Instant at = Scenario.R1.createdAt();
    Figures.ZERO.assertMatches(await(ports().loadLiveTotals().between(at, at)).totals(), "empty window");
    Figures.ZERO.assertMatches(await(ports().loadLiveTotals().between(NOW, START_18)).totals(), "from > to");
    Figures.ZERO.assertMatches(await(ports().loadLiveTotals().between(null, START_17)).totals(), "before r5");
  }
}
