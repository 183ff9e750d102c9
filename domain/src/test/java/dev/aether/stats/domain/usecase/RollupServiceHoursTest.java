package dev.aether.stats.domain.usecase;

import static dev.aether.stats.domain.contract.Await.await;
import static dev.aether.stats.domain.contract.Await.failure;
import static dev.aether.stats.domain.contract.March2026.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.contract.Scenario;
import dev.aether.stats.domain.fakes.InMemoryGateway;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.domain.planner.HistoryWindow;
import dev.aether.stats.domain.port.MaterializeHours;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Every batch of a rollup, backfill or settle pass rewrites the hour buckets of its days too (now: 2026-03-20
 * 04:00 UTC). The expected hours are worked out by hand from each zone's offset.
 */
class RollupServiceHoursTest {
  private final InMemoryGateway gateway = new InMemoryGateway(Clock.fixed(NOW, ZoneOffset.UTC));
  private final StatsPorts ports = gateway.ports();
  /** Each call: its hours and its "until". */
  private final List<HourRange> hourCalls = new ArrayList<>();
  private final List<Instant> untils = new ArrayList<>();

  private MaterializeHours recordingHours(RuntimeException failOnFirst) {
    MaterializeHours real = gateway.hourPorts().materializeHours();
    return (hours, until) -> {
      synchronized (hourCalls) {
        hourCalls.add(hours);
        untils.add(until);
        if (failOnFirst != null && hourCalls.size() == 1) {
          return CompletableFuture.failedFuture(failOnFirst);
        }
      }
      return real.materialize(hours, until);
    };
  }

  private RollupService service(String zone, int batchDays, int lanes, MaterializeHours hours) {
    BusinessCalendar calendar = new BusinessCalendar(ZoneId.of(zone), Clock.fixed(NOW, ZoneOffset.UTC));
    return new RollupService(ports.materializeDays(), hours, ports.refreshSummary(), ports.runLog(),
        ports.loadRollupState(), calendar, HistoryWindow.all(), batchDays, lanes);
  }

  private static DayRange march(int first, int last) {
    return new DayRange(LocalDate.of(2026, 3, first), LocalDate.of(2026, 3, last));
  }

  private static HourRange hours(String from, String to) {
    return new HourRange(Instant.parse(from), Instant.parse(to));
  }

  private List<HourRange> sortedCalls() {
    return hourCalls.stream().sorted(Comparator.comparing(HourRange::from)).toList();
  }

  @Test
  void eachBatchWritesTheHoursOfItsDays() {
    Scenario.load(gateway);

    // Shanghai (+08:00): 03-16 starts at 03-15 16:00 UTC; batches of 2 days
    await(service("Asia/Shanghai", 2, 1, recordingHours(null)).rollup(march(16, 19), RunKind.ROLLUP, ProgressListener.NONE));

    assertEquals(List.of(hours("2026-03-15T16:00:00Z", "2026-03-17T16:00:00Z"),
        hours("2026-03-17T16:00:00Z", "2026-03-19T16:00:00Z")), hourCalls);
    assertEquals(List.of(NOW, NOW), untils, "rows up to now: closed hours are whole buckets");
    // the fake's buckets now hold the Scenario's rows of those hours: r5 (03-17) .. r2 (03-19), 6 requests
    long requests = await(gateway.hourPorts().hourlyStats()
        .stored(hours("2026-03-15T16:00:00Z", "2026-03-19T16:00:00Z"))).stream()
        .mapToLong(h -> h.totals().totalRequests()).sum();
    assertEquals(6, requests);
  }

  @Test
  void aBatchEndingTodayStopsAtTheCurrentHourAsAPartialBucket() {
    Scenario.load(gateway);

    // 03-20 in Shanghai starts at 03-19 16:00 UTC; now is 04:00 UTC exactly, so the hours end there
    await(service("Asia/Shanghai", 5, 1, recordingHours(null)).rollup(march(19, 20), RunKind.ROLLUP, ProgressListener.NONE));

    assertEquals(List.of(hours("2026-03-18T16:00:00Z", "2026-03-20T04:00:00Z")), hourCalls);
    assertEquals(List.of(NOW), untils);
  }

  @Test
  void inAZoneWhoseDaysStartInsideAnHourTheHoursAtBothEndsAreWrittenWhole() {
    Scenario.load(gateway);

    // Kathmandu (+05:45): 03-16 starts at 03-15 18:15 UTC, 03-18 at 03-17 18:15; two lanes of one day each
    // (two days fit one batch of 31: two lanes make it two). The shared hour 03-16 18:00 is in both.
    await(service("Asia/Kathmandu", 31, 2, recordingHours(null)).rollup(march(16, 17), RunKind.ROLLUP, ProgressListener.NONE));

    assertEquals(List.of(hours("2026-03-15T18:00:00Z", "2026-03-16T19:00:00Z"),
        hours("2026-03-16T18:00:00Z", "2026-03-17T19:00:00Z")), sortedCalls());
  }

  @Test
  void backfillWritesTheHoursOfEveryDayOfHistory() {
    Scenario.load(gateway);   // first usage row on 03-17 (Shanghai)

    await(service("Asia/Shanghai", 31, 1, recordingHours(null)).backfill(365, ProgressListener.NONE));

    assertEquals(List.of(hours("2026-03-16T16:00:00Z", "2026-03-19T16:00:00Z")), hourCalls, "03-17 .. 03-19");
  }

  @Test
  void aFailureOfTheHoursFailsItsBatchBeforeItsDaysAndTheNextRunRedoesBoth() {
    Scenario.load(gateway);
    IllegalStateException diskFull = new IllegalStateException("disk full");

    Throwable failure = failure(service("Asia/Shanghai", 2, 1, recordingHours(diskFull))
        .rollup(march(16, 19), RunKind.ROLLUP, ProgressListener.NONE));

    assertTrue(failure.getMessage().contains("1 of 2 batches failed; first: disk full"), failure.getMessage());
    assertSame(diskFull, failure.getCause());
    assertEquals(2, hourCalls.size(), "the second batch was still done");
    assertEquals(RunStatus.FAILED, gateway.runs().get(0).status());
    // hours come first: the failed batch wrote no day, so its days are still missing (the summary stops
    // before them) and a reconciliation redoes them with their hours; the other batch's days are stored
    assertEquals(java.util.Set.of(Instant.parse("2026-03-17T16:00:00Z"), Instant.parse("2026-03-18T16:00:00Z")),
        gateway.storedDayStarts(), "03-18 and 03-19 (Shanghai)");

    hourCalls.clear();
    await(service("Asia/Shanghai", 2, 1, recordingHours(null)).rollup(march(16, 17), RunKind.ROLLUP, ProgressListener.NONE));
    assertEquals(List.of(hours("2026-03-15T16:00:00Z", "2026-03-17T16:00:00Z")), hourCalls);
    assertEquals(4, gateway.storedDayStarts().size());
  }
}
