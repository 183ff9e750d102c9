package dev.aether.stats.domain.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.fakes.MutableClock;
import dev.aether.stats.domain.model.HistogramBucket;
import dev.aether.stats.domain.model.LatencyDimension;
import dev.aether.stats.domain.model.LatencyMetric;
import dev.aether.stats.domain.port.HourBucketState;
import dev.aether.stats.domain.port.LatencyHistogramReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ClosedHoursReuseTest {
  private static final LocalDate YESTERDAY = LocalDate.of(2026, 3, 13);
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 14);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-14T10:20:00Z"));
  /** Every live read the delegate was asked for: its bounds. */
  private final List<List<Instant>> asked = new ArrayList<>();
  private HourBucketState.State state;
  private final HourBucketState buckets = (from, to) -> CompletableFuture.completedFuture(state);

  /** Answers one bucket per read, whose count tells which read it was (1 = the first). */
  private final LatencyHistogramReader delegate = new LatencyHistogramReader() {
    @Override
    public CompletionStage<List<HistogramBucket>> stored(LatencyDimension dimension, DayBounds days) {
      throw new AssertionError("not used");
    }

    @Override
    public CompletionStage<List<HistogramBucket>> live(LatencyDimension dimension, DayBounds days) {
      asked.add(days.bounds());
      return CompletableFuture.completedFuture(List.of(new HistogramBucket(days.day(days.range().size() - 1), "",
          LatencyMetric.RESPONSE, 1, asked.size(), 1, 1)));
    }
  };
  private final LatencyHistogramReader reader = ClosedHoursReuse.histograms(delegate, buckets, clock);

  private static DayBounds utcDays(LocalDate first, LocalDate last) {
    return new BusinessCalendar(ZoneId.of("UTC"), java.time.Clock.systemUTC()).bounds(new DayRange(first, last));
  }

  private static Instant t(String instant) {
    return Instant.parse(instant);
  }

  private List<Long> counts(DayBounds days) {
    return reader.live(LatencyDimension.ALL, days).toCompletableFuture().join().stream()
        .map(HistogramBucket::count).toList();
  }

  @Test
  void theClosedHoursAreReadOnceAndTheCurrentHourEveryTime() {
    DayBounds days = utcDays(YESTERDAY, TODAY);
    state = new HourBucketState.State(34, t("2026-03-14T10:05:00Z")); // 24 + 10 hours before 10:00
    assertEquals(List.of(1L, 2L), counts(days));
    assertEquals(List.of(List.of(t("2026-03-13T00:00:00Z"), t("2026-03-14T00:00:00Z"), t("2026-03-14T10:00:00Z")),
        List.of(t("2026-03-14T10:00:00Z"), t("2026-03-15T00:00:00Z"))), asked, "split at the current hour");
    assertEquals(List.of(1L, 3L), counts(days), "the closed part again, the current hour read anew");
    assertEquals(List.of(t("2026-03-14T10:00:00Z"), t("2026-03-15T00:00:00Z")), asked.get(2));
  }

  @Test
  void aRewrittenBucketOrANewHourMeansAFreshClosedPart() {
    DayBounds days = utcDays(TODAY, TODAY);
    state = new HourBucketState.State(10, t("2026-03-14T10:05:00Z"));
    assertEquals(List.of(1L, 2L), counts(days));
    state = new HourBucketState.State(10, t("2026-03-14T10:15:00Z")); // a tick rewrote a changed hour
    assertEquals(List.of(3L, 4L), counts(days));
    clock.advance(Duration.ofHours(1));
    state = new HourBucketState.State(11, t("2026-03-14T11:05:00Z"));
    assertEquals(List.of(5L, 6L), counts(days));
    assertEquals(List.of(t("2026-03-14T00:00:00Z"), t("2026-03-14T11:00:00Z")), asked.get(4));
  }

  @Test
  void withoutACompleteBucketForEveryClosedHourTheWholeRangeIsReadLive() {
    DayBounds days = utcDays(TODAY, TODAY);
    state = new HourBucketState.State(9, t("2026-03-14T10:05:00Z"));
    assertEquals(List.of(1L), counts(days));
    assertEquals(List.of(2L), counts(days), "nothing kept");
    assertEquals(List.of(days.bounds(), days.bounds()), asked);
  }

  @Test
  void rangesItCannotSplitAreReadAsAsked() {
    state = new HourBucketState.State(0, null);
    DayBounds closedDays = utcDays(LocalDate.of(2026, 3, 10), YESTERDAY); // ends before the current hour
    DayBounds kolkata = new BusinessCalendar(ZoneId.of("Asia/Kolkata"), clock).bounds(new DayRange(TODAY, TODAY));
    counts(closedDays);
    counts(kolkata); // its day starts at 18:30 UTC: not on a UTC hour
    clock.set(t("2026-03-14T00:40:00Z")); // the first hour of the day: no closed hour yet
    counts(utcDays(TODAY, TODAY));
    assertEquals(List.of(closedDays.bounds(), kolkata.bounds(), utcDays(TODAY, TODAY).bounds()), asked);
  }
}
