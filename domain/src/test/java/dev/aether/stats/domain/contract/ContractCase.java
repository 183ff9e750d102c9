package dev.aether.stats.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.fakes.GatewayData;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.run.DayOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** What every group of contract tests needs: the fixture of the test, and shorthand over it. */
interface ContractCase {

  /** The fixture of the running test, over the {@link March2026} calendar. */
  PortsFixture fx();

  /** A fresh fixture over another calendar (empty database; the default fixture may be reset). */
  PortsFixture fixtureFor(BusinessCalendar calendar);

  default StatsPorts ports() {
    return fx().ports();
  }

  default GatewayData data() {
    return fx().data();
  }

  default <T> T await(CompletionStage<T> stage) {
    return Await.await(stage);
  }

  default List<DayOutcome> materialize(LocalDate first, LocalDate last) {
    return await(ports().materializeDays().materialize(fx().calendar().bounds(new DayRange(first, last))));
  }

  default List<DailyStats> storedDaily(LocalDate first, LocalDate last) {
    return await(ports().dailyStats().stored(fx().calendar().bounds(new DayRange(first, last))));
  }

  static void assertDay(DailyStats d, LocalDate day, Instant start, Figures figures, long fallback,
      int uniqueModels, int uniqueProviders, Source source) {
    assertEquals(day, d.day(), "day");
    assertEquals(start, d.dayStart(), day + ": dayStart");
    figures.assertMatches(d.totals(), day.toString());
    assertEquals(fallback, d.fallbackCount(), day + ": fallback_count");
    assertEquals(uniqueModels, d.uniqueModels(), day + ": unique_models");
    assertEquals(uniqueProviders, d.uniqueProviders(), day + ": unique_providers");
    assertEquals(source, d.source(), day + ": source");
  }

  static void assertOutcome(DayOutcome o, LocalDate day, Instant start, DayOutcome.Kind kind, long rowsRead) {
    assertEquals(day, o.day(), "outcome day");
    assertEquals(start, o.dayStart(), day + ": outcome dayStart");
    assertEquals(kind, o.kind(), day + ": outcome kind");
    assertEquals(rowsRead, o.rowsRead(), day + ": rows read");
  }
}
