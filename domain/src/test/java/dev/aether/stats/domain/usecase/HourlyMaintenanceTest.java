package dev.aether.stats.domain.usecase;

import static dev.aether.stats.domain.contract.Await.await;
import static dev.aether.stats.domain.contract.March2026.D17;
import static dev.aether.stats.domain.contract.March2026.D18;
import static dev.aether.stats.domain.contract.March2026.D19;
import static dev.aether.stats.domain.contract.March2026.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.contract.Figures;
import dev.aether.stats.domain.contract.March2026;
import dev.aether.stats.domain.contract.Scenario;
import dev.aether.stats.domain.fakes.HourPorts;
import dev.aether.stats.domain.fakes.InMemoryGateway;
import dev.aether.stats.domain.fakes.MutableClock;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.domain.fakes.UsageRow;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.HourlyStats;
import dev.aether.stats.domain.planner.HourPlanner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ticks of the hour buckets over the in-memory gateway (Shanghai, now 2026-03-20 12:00): changes are
 * reflected after the next run, which rewrites only the changed hours, the newest ones, and the closed
 * days containing a changed hour.
 */
class HourlyMaintenanceTest {
  private final MutableClock clock = new MutableClock(NOW);
  private final BusinessCalendar calendar = new BusinessCalendar(March2026.ZONE, clock);
  private final InMemoryGateway gateway = new InMemoryGateway(clock);
  private final StatsPorts ports = gateway.ports();
  private final HourPorts hours = gateway.hourPorts();
  private final HourlyMaintenance maintenance = new HourlyMaintenance(hours.changedHours(),
      hours.materializeHours(), ports.materializeDays(), new HourPlanner(calendar, 48, 2), calendar);

  @BeforeEach
  void backfilled() {
    Scenario.load(gateway);
    await(ports.materializeDays().materialize(calendar.bounds(new DayRange(D17, D19))));
  }

  @Test
  void theFirstRunWritesEveryWatchedHour() {
    HourlyMaintenance.Result r = await(maintenance.run());

    assertEquals(49, r.hoursWritten(), "no bucket yet: every watched hour, and the current one up to now");
    assertEquals(List.of(), r.plan().days(), "missing buckets say nothing about the days");
    List<HourlyStats> stored = await(hours.hourlyStats().stored(new HourPlanner(calendar, 48, 2).watched(NOW)));
    assertEquals(48, stored.size());
    assertEquals(List.of(), await(hours.hourlyStats().stored(hour("2026-03-20T04:00:00Z", 1))),
        "the current hour's bucket is partial: not served as the hour's figures");
    assertEquals(4, stored.stream().mapToLong(h -> h.totals().totalRequests()).sum(), "r6, r3, r4, r7");
  }

  @Test
  void aRunWithNothingNewRedoesOnlyTheUnsettledAndTheNewestHours() {
    await(maintenance.run());
    clock.advance(Duration.ofMinutes(5));

    HourlyMaintenance.Result r = await(maintenance.run());

    // r6 (03-18 05:00Z, pending) and r7 (03-20 01:00Z, streaming) were unsettled when written; 02:00-03:00Z
    // are the newest closed hours, 04:00Z the current one
    assertEquals(List.of(hour("2026-03-18T05:00:00Z", 1), hour("2026-03-20T01:00:00Z", 4)), r.plan().hours());
    assertEquals(List.of(DayRange.of(D18)), r.plan().days(), "r6's day; r7's is today");
  }

  @Test
  void aLateRowACompletedRowAndADeletedRowAreReflectedAfterTheNextRun() {
    await(maintenance.run());
    gateway.addUsage(UsageRow.of("late", "u1", "model-b", "prov-2", Instant.parse("2026-03-19T03:10:00Z"))
        .withTokens(5, 5, 0, 0).withCost("0.04", "0.04").withResponseTime(100)); // Shanghai 03-19 11:10
    gateway.updateUsage(Scenario.R6.withStatus("completed", 200).withTokens(20, 30, 0, 0).withCost("0.05", "0.05")
        .withResponseTime(600));
    gateway.deleteUsage("r4"); // 03-19 00:00 Shanghai
    clock.advance(Duration.ofMinutes(5));

    HourlyMaintenance.Result r = await(maintenance.run());

    assertEquals(List.of(new DayRange(D18, D19)), r.plan().days(), "only the two changed days, not 03-17");
    assertEquals(List.of(hour("2026-03-18T05:00:00Z", 1), hour("2026-03-18T16:00:00Z", 1),
        hour("2026-03-19T03:00:00Z", 1), hour("2026-03-20T01:00:00Z", 4)), r.plan().hours());
    List<DailyStats> days = await(ports.dailyStats().stored(calendar.bounds(new DayRange(D18, D19))));
    // 03-18: r1, r2, r6 (now 20/30 tokens, 0.05, 600 ms), r3
    Figures.requests(4, 2).tokens(130, 80, 10, 5).cost("0.65", "0.75").costParts("0.30", "0.25", "0.03", "0.02")
        .avgResponseTime(4600.0 / 3).assertMatches(days.get(0).totals(), "03-18");
    // 03-19: r4 gone, the late row in
    Figures.requests(1, 0).tokens(5, 5, 0, 0).cost("0.04", "0.04").avgResponseTime(100)
        .assertMatches(days.get(1).totals(), "03-19");
    assertEquals(List.of(Instant.parse("2026-03-20T01:00:00Z")),
        await(hours.changedHours().changed(new HourPlanner(calendar, 48, 2).watched(clock.instant()))).stream()
            .map(dev.aether.stats.domain.port.ChangedHour::hour).toList(),
        "nothing left to redo but r7's hour, still streaming");
  }

  private static HourRange hour(String from, int hours) {
    Instant start = Instant.parse(from);
    return new HourRange(start, start.plus(Duration.ofHours(hours)));
  }
}
