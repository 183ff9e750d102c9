package dev.aether.stats.domain.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.fakes.MutableClock;
import dev.aether.stats.domain.model.Breakdown;
import dev.aether.stats.domain.model.BreakdownFigures;
import dev.aether.stats.domain.model.BreakdownRow;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.port.BreakdownReader;
import dev.aether.stats.domain.port.StoredDayState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * The stored parts kept per state of the stored days: the delegate answers one row whose key says which of
 * its reads it was ("read 1" = the first), so each assertion shows whether a read reached it.
 */
class StoredDaysReuseTest {
  private static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
  private static final LocalDate LAST = LocalDate.of(2026, 3, 30);
  private static final DayBounds DAYS =
      new BusinessCalendar(ZoneId.of("UTC"), java.time.Clock.systemUTC()).bounds(new DayRange(FIRST, LAST));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-31T10:00:00Z"));
  private int reads;
  private int liveReads;
  private StoredDayState.State state = new StoredDayState.State(30, Instant.parse("2026-03-31T00:05:00Z"));
  private final StoredDayState days = bounds -> CompletableFuture.completedFuture(state);

  private final BreakdownReader delegate = new BreakdownReader() {
    @Override
    public CompletionStage<List<BreakdownRow>> stored(Breakdown breakdown, DayBounds bounds) {
      return answer();
    }

    @Override
    public CompletionStage<List<BreakdownRow>> storedSums(Breakdown breakdown, DayBounds bounds, Set<LocalDate> only) {
      return answer();
    }

    @Override
    public CompletionStage<List<BreakdownRow>> live(Breakdown breakdown, DayBounds bounds) {
      liveReads++;
      return answer();
    }

    private CompletionStage<List<BreakdownRow>> answer() {
      reads++;
      return CompletableFuture.completedFuture(List.of(
          new BreakdownRow(LAST, "read " + reads, null, null, BreakdownFigures.ZERO, Source.MATERIALIZED)));
    }
  };
  private final BreakdownReader reader = StoredDaysReuse.breakdowns(delegate, days, clock);

  private String sums(Breakdown breakdown, Set<LocalDate> only) {
    return reader.storedSums(breakdown, DAYS, only).toCompletableFuture().join().get(0).key();
  }

  @Test
  void theSameStoredDaysAreReadOnce() {
    Set<LocalDate> all = Set.copyOf(new DayRange(FIRST, LAST).days());
    assertEquals("read 1", sums(Breakdown.API_KEY, all));
    assertEquals("read 1", sums(Breakdown.API_KEY, Set.copyOf(all)), "same days, same state: kept");
    assertEquals("read 2", sums(Breakdown.USER, all), "another breakdown");
    assertEquals("read 3", sums(Breakdown.API_KEY, Set.of(FIRST)), "other days chosen");
  }

  @Test
  void aDayWrittenOrRemovedMeansAFreshRead() {
    Set<LocalDate> all = Set.of(FIRST, LAST);
    assertEquals("read 1", sums(Breakdown.API_KEY, all));
    state = new StoredDayState.State(30, Instant.parse("2026-03-31T00:10:00Z")); // a tick rewrote a day
    assertEquals("read 2", sums(Breakdown.API_KEY, all));
    state = new StoredDayState.State(29, Instant.parse("2026-03-31T00:10:00Z")); // a day removed
    assertEquals("read 3", sums(Breakdown.API_KEY, all));
    assertEquals("read 3", sums(Breakdown.API_KEY, all));
  }

  @Test
  void keptResultsExpireSoThatRenamesShow() {
    Set<LocalDate> all = Set.of(FIRST, LAST);
    assertEquals("read 1", sums(Breakdown.API_KEY, all));
    clock.advance(StoredDaysReuse.KEEP.minus(Duration.ofSeconds(1)));
    assertEquals("read 1", sums(Breakdown.API_KEY, all));
    clock.advance(Duration.ofSeconds(1));
    assertEquals("read 2", sums(Breakdown.API_KEY, all));
  }

  @Test
  void perDayRowsAreKeptTooAndLiveReadsNever() {
    assertEquals("read 1", reader.stored(Breakdown.USER, DAYS).toCompletableFuture().join().get(0).key());
    assertEquals("read 1", reader.stored(Breakdown.USER, DAYS).toCompletableFuture().join().get(0).key());
    reader.live(Breakdown.USER, DAYS).toCompletableFuture().join();
    reader.live(Breakdown.USER, DAYS).toCompletableFuture().join();
    assertEquals(2, liveReads);
  }
}
