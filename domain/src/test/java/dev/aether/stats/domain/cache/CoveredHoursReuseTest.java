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
import dev.aether.stats.domain.port.HourBucketState.Bucket;
import dev.aether.stats.domain.port.LatencyHistogramReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Which parts of a live read are aggregated anew and which are reused, for given hour buckets: the
 * delegate answers one histogram bucket per read whose count numbers the reads (1 = the first), so a
 * result tells which read each part came from, and {@code asked} which bounds were read.
 */
class CoveredHoursReuseTest {
  private static final LocalDate YESTERDAY = LocalDate.of(2026, 3, 13);
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 14);
  private static final Instant WRITTEN = t("2026-03-14T10:15:00Z");

  private final MutableClock clock = new MutableClock(t("2026-03-14T10:20:00Z"));
  private final List<List<Instant>> asked = new ArrayList<>();
  private final TreeMap<Instant, Bucket> stored = new TreeMap<>();
  private final HourBucketState buckets = (from, to) ->
      CompletableFuture.completedFuture(List.copyOf(stored.subMap(from, to).values()));

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
  private final LatencyHistogramReader reader = CoveredHoursReuse.histograms(delegate, buckets, clock);

  private static DayBounds utcDays(LocalDate first, LocalDate last) {
    return new BusinessCalendar(ZoneId.of("UTC"), java.time.Clock.systemUTC()).bounds(new DayRange(first, last));
  }

  private static Instant t(String instant) {
    return Instant.parse(instant);
  }

  /** Complete buckets for the hours of [from, to), written at {@code written}. */
  private void complete(String from, String to, Instant written) {
    for (Instant h = t(from); h.isBefore(t(to)); h = h.plus(Duration.ofHours(1))) {
      stored.put(h, new Bucket(h, h.plus(Duration.ofHours(1)), true, written));
    }
  }

  private void partial(String hour, String until, Instant written) {
    stored.put(t(hour), new Bucket(t(hour), t(until), false, written));
  }

  private List<Long> counts(DayBounds days) {
    return reader.live(LatencyDimension.ALL, days).toCompletableFuture().join().stream()
        .map(HistogramBucket::count).toList();
  }

  @Test
  void theCompleteAndThePartialBucketsRowsAreReadOnceTheRowsSinceTheTickEveryTime() {
    complete("2026-03-13T00:00:00Z", "2026-03-14T10:00:00Z", WRITTEN);
    partial("2026-03-14T10:00:00Z", "2026-03-14T10:15:00Z", WRITTEN);
    DayBounds days = utcDays(YESTERDAY, TODAY);
    assertEquals(List.of(1L, 2L, 3L), counts(days));
    assertEquals(List.of(List.of(t("2026-03-13T00:00:00Z"), t("2026-03-14T00:00:00Z"), t("2026-03-14T10:00:00Z")),
        List.of(t("2026-03-14T10:00:00Z"), t("2026-03-14T10:15:00Z")),
        List.of(t("2026-03-14T10:15:00Z"), t("2026-03-15T00:00:00Z"))), asked, "complete, partial, since the tick");
    assertEquals(List.of(1L, 2L, 4L), counts(days), "both covered parts again, the rest read anew");
    assertEquals(List.of(t("2026-03-14T10:15:00Z"), t("2026-03-15T00:00:00Z")), asked.get(3));
  }

  @Test
  void aTickThatRewritesThePartialBucketOnlyRenewsThatPart() {
    complete("2026-03-14T00:00:00Z", "2026-03-14T10:00:00Z", WRITTEN);
    partial("2026-03-14T10:00:00Z", "2026-03-14T10:15:00Z", WRITTEN);
    DayBounds days = utcDays(TODAY, TODAY);
    assertEquals(List.of(1L, 2L, 3L), counts(days));
    partial("2026-03-14T10:00:00Z", "2026-03-14T10:20:00Z", t("2026-03-14T10:20:00Z"));
    assertEquals(List.of(1L, 4L, 5L), counts(days));
    assertEquals(List.of(t("2026-03-14T10:00:00Z"), t("2026-03-14T10:20:00Z")), asked.get(3));
    assertEquals(List.of(t("2026-03-14T10:20:00Z"), t("2026-03-15T00:00:00Z")), asked.get(4));
  }

  @Test
  void aNewHourBeforeTheNextTickStillReusesBothPartsThenTheTickCompletesTheHour() {
    complete("2026-03-14T00:00:00Z", "2026-03-14T10:00:00Z", WRITTEN);
    partial("2026-03-14T10:00:00Z", "2026-03-14T10:55:00Z", t("2026-03-14T10:55:00Z"));
    clock.set(t("2026-03-14T10:57:00Z"));
    DayBounds days = utcDays(TODAY, TODAY);
    assertEquals(List.of(1L, 2L, 3L), counts(days));
    clock.set(t("2026-03-14T11:02:00Z"));
    assertEquals(List.of(1L, 2L, 4L), counts(days), "only the rows since 10:55 read");
    assertEquals(List.of(t("2026-03-14T10:55:00Z"), t("2026-03-15T00:00:00Z")), asked.get(3));
    complete("2026-03-14T10:00:00Z", "2026-03-14T11:00:00Z", t("2026-03-14T11:03:00Z"));
    partial("2026-03-14T11:00:00Z", "2026-03-14T11:03:00Z", t("2026-03-14T11:03:00Z"));
    clock.set(t("2026-03-14T11:04:00Z"));
    assertEquals(List.of(5L, 6L, 7L), counts(days));
    assertEquals(List.of(List.of(t("2026-03-14T00:00:00Z"), t("2026-03-14T11:00:00Z")),
        List.of(t("2026-03-14T11:00:00Z"), t("2026-03-14T11:03:00Z")),
        List.of(t("2026-03-14T11:03:00Z"), t("2026-03-15T00:00:00Z"))), asked.subList(4, 7));
  }

  @Test
  void aRewrittenCompleteBucketMeansAFreshCompletePart() {
    complete("2026-03-14T00:00:00Z", "2026-03-14T10:00:00Z", WRITTEN);
    DayBounds days = utcDays(TODAY, TODAY);
    assertEquals(List.of(1L, 2L), counts(days), "no partial bucket: complete part, then the rest");
    complete("2026-03-14T03:00:00Z", "2026-03-14T04:00:00Z", t("2026-03-14T10:18:00Z")); // its rows changed
    assertEquals(List.of(3L, 4L), counts(days));
  }

  @Test
  void coverageStopsAtTheFirstHourWithoutACompleteBucket() {
    complete("2026-03-14T00:00:00Z", "2026-03-14T10:00:00Z", WRITTEN);
    stored.remove(t("2026-03-14T05:00:00Z"));
    partial("2026-03-14T10:00:00Z", "2026-03-14T10:15:00Z", WRITTEN); // after the gap: not used
    DayBounds days = utcDays(TODAY, TODAY);
    assertEquals(List.of(1L, 2L), counts(days));
    assertEquals(List.of(List.of(t("2026-03-14T00:00:00Z"), t("2026-03-14T05:00:00Z")),
        List.of(t("2026-03-14T05:00:00Z"), t("2026-03-15T00:00:00Z"))), asked);
    stored.put(t("2026-03-14T05:00:00Z"), new Bucket(t("2026-03-14T05:00:00Z"), t("2026-03-14T05:00:00Z"), false,
        WRITTEN)); // a partial bucket that covers nothing
    assertEquals(List.of(1L, 3L), counts(days));
    assertEquals(List.of(t("2026-03-14T05:00:00Z"), t("2026-03-15T00:00:00Z")), asked.get(2));
  }

  @Test
  void pastDaysWhollyCoveredAreOneReusedPart() {
    complete("2026-03-12T00:00:00Z", "2026-03-14T00:00:00Z", WRITTEN);
    DayBounds days = utcDays(LocalDate.of(2026, 3, 12), YESTERDAY);
    assertEquals(List.of(1L), counts(days));
    assertEquals(List.of(1L), counts(days), "nothing read again");
    assertEquals(List.of(days.bounds()), asked);
  }

  @Test
  void rangesItCannotSplitAreReadAsAsked() {
    DayBounds uncovered = utcDays(YESTERDAY, TODAY); // no bucket at all
    DayBounds kolkata = new BusinessCalendar(ZoneId.of("Asia/Kolkata"), clock).bounds(new DayRange(TODAY, TODAY));
    complete("2026-03-13T18:00:00Z", "2026-03-14T10:00:00Z", WRITTEN);
    counts(utcDays(TODAY, TODAY).slice(t("2026-03-14T00:00:00Z"), t("2026-03-14T00:30:00Z"))); // within one hour
    stored.clear();
    counts(uncovered);
    complete("2026-03-13T18:00:00Z", "2026-03-14T10:00:00Z", WRITTEN);
    counts(kolkata); // its day starts at 18:30 UTC: not on a UTC hour
    assertEquals(List.of(List.of(t("2026-03-14T00:00:00Z"), t("2026-03-14T00:30:00Z")), uncovered.bounds(),
        kolkata.bounds()), asked);
  }
}
