package dev.aether.stats.domain.usecase;

import static dev.aether.stats.domain.contract.Await.await;
import static dev.aether.stats.domain.contract.March2026.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.contract.March2026;
import dev.aether.stats.domain.contract.Scenario;
import dev.aether.stats.domain.fakes.HourPorts;
import dev.aether.stats.domain.fakes.InMemoryGateway;
import dev.aether.stats.domain.fakes.MutableClock;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.domain.fakes.UsageRow;
import dev.aether.stats.domain.planner.HistoryWindow;
import dev.aether.stats.domain.planner.HourPlanner;
import dev.aether.stats.domain.planner.RollupPlanner;
import dev.aether.stats.domain.calendar.HourRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * With the hour buckets watching the recent hours, a tick with nothing new rewrites no day: the settle
 * days are redone only once per settle interval, while a change in a watched hour still reaches its day at
 * the next tick. Now: 2026-03-20 12:00 Shanghai; the scenario's rows from 03-17 on.
 */
class SettleCadenceTest {
  private final MutableClock clock = new MutableClock(NOW);
  private final BusinessCalendar calendar = new BusinessCalendar(March2026.ZONE, clock);
  private final InMemoryGateway gateway = new InMemoryGateway(clock);
  private final StatsPorts ports = gateway.ports();
  private final HourPorts hours = gateway.hourPorts();

  private RollupTick tick(Duration settleInterval) {
    // as the service wires it: each settle batch rewrites its days' hour buckets too
    RollupService service = new RollupService(ports.materializeDays(), hours.materializeHours(), ports.refreshSummary(),
        ports.runLog(), ports.loadRollupState(), calendar, HistoryWindow.all(), 7, 1);
    HourlyMaintenance maintenance = new HourlyMaintenance(hours.changedHours(), hours.materializeHours(),
        ports.materializeDays(), new HourPlanner(calendar, 48, 2), calendar);
    return new RollupTick(ports.tickLease(), ports.loadRollupState(),
        new RollupPlanner(HistoryWindow.all(), 2, 7, 100), service, calendar, maintenance, settleInterval);
  }

  @Test
  void aTickWithNothingNewWritesNoDayUntilTheSettleIntervalHasPassed() {
    Scenario.load(gateway);
    RollupTick tick = tick(Duration.ofHours(1));

    TickResult first = await(tick.tick());
    assertEquals(new DayRange(LocalDate.of(2026, 3, 17), LocalDate.of(2026, 3, 19)),
        first.run().orElseThrow().run().range(), "first tick: all history, settle days included");

    clock.advance(Duration.ofMinutes(5));
    TickResult quiet = await(tick.tick());
    // the planner writes no day (r6 of 03-18 is still pending: the hour maintenance redoes its hour and day,
    // and the summary is refreshed for it, but no settle batch runs)
    assertTrue(quiet.plan().orElseThrow().batches().isEmpty(), quiet.reason());
    assertTrue(quiet.outcome() != TickResult.Outcome.MATERIALIZED, quiet.reason());

    clock.advance(Duration.ofMinutes(56)); // 61 minutes after the first settle pass
    TickResult settling = await(tick.tick());
    assertEquals(new DayRange(LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 19)),
        settling.run().orElseThrow().run().range(), "the settle days, once the interval has passed");
  }

  @Test
  void aLateRowInAWatchedHourReachesItsDayWithoutASettlePass() {
    Scenario.load(gateway);
    RollupTick tick = tick(Duration.ofHours(1));
    await(tick.tick());
    long before = storedRequestsOf(LocalDate.of(2026, 3, 19));

    // 03-19 10:00 Shanghai: a watched hour (within the last 48 closed hours)
    gateway.addUsage(UsageRow.of("late-x", "u1", "model-a", "prov-1", Instant.parse("2026-03-19T02:00:00Z")));
    clock.advance(Duration.ofMinutes(5));
    TickResult next = await(tick.tick());

    assertEquals(before + 1, storedRequestsOf(LocalDate.of(2026, 3, 19)), next.reason());
    assertTrue(gateway.runs().size() >= 1);
  }

  @Test
  void withAZeroIntervalEveryTickSettles() {
    Scenario.load(gateway);
    RollupTick tick = tick(Duration.ZERO);
    await(tick.tick());

    TickResult second = await(tick.tick());

    assertEquals(new DayRange(LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 19)),
        second.run().orElseThrow().run().range());
  }

  @Test
  void aCostCorrectedInPlaceOutsideTheWatchedHoursIsFixedInItsDayAndItsHourByTheSettlePass() {
    Scenario.load(gateway);
    RollupTick tick = tick(Duration.ofHours(1));
    await(tick.tick());
    // r1 (03-18 00:00 Shanghai = 03-17 16:00 UTC, 60 hours before now: not watched) costs 0.50 -> 0.90;
    // its count does not change, so only a settle pass (03-18 is a settle day) can see it
    gateway.updateUsage(Scenario.R1.withCosts("0.90", "0.60", "0.20", "0.25", "0.03", "0.02"));
    HourRange r1Hour = new HourRange(Instant.parse("2026-03-17T16:00:00Z"), Instant.parse("2026-03-17T17:00:00Z"));

    clock.advance(Duration.ofMinutes(5));
    await(tick.tick());
    // (the day itself is redone at this tick anyway: the pending r6 keeps its watched hour, and so its day, due)
    assertEquals(new BigDecimal("0.50"), storedHourCost(r1Hour), "before the settle pass: the hour as written");

    clock.advance(Duration.ofMinutes(56));
    await(tick.tick());
    // by hand: the day's 0.60 with r1's 0.50 replaced by 0.90; the hour holds r1 alone
    assertEquals(new BigDecimal("1.00"), storedCostOf(LocalDate.of(2026, 3, 18)), "the day, after the settle pass");
    assertEquals(new BigDecimal("0.90"), storedHourCost(r1Hour), "its hour too");
  }

  private BigDecimal storedCostOf(LocalDate day) {
    return await(ports.dailyStats().stored(calendar.bounds(DayRange.of(day)))).get(0).totals().totalCost()
        .setScale(2, RoundingMode.HALF_EVEN);
  }

  private BigDecimal storedHourCost(HourRange hour) {
    var stored = await(hours.hourlyStats().stored(hour));
    assertEquals(1, stored.size(), "a bucket of " + hour.from());
    return stored.get(0).totals().totalCost().setScale(2, RoundingMode.HALF_EVEN);
  }

  private long storedRequestsOf(LocalDate day) {
    return await(ports.dailyStats().stored(calendar.bounds(DayRange.of(day)))).get(0).totals().totalRequests();
  }
}
