package dev.aether.stats.domain.cache;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.model.Breakdown;
import dev.aether.stats.domain.model.BreakdownRow;
import dev.aether.stats.domain.model.HistogramBucket;
import dev.aether.stats.domain.model.LatencyDimension;
import dev.aether.stats.domain.port.BreakdownReader;
import dev.aether.stats.domain.port.HourBucketState;
import dev.aether.stats.domain.port.LatencyHistogramReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The analytics reads' live parts (breakdowns and latency histograms of the live days, read from usage)
 * split where the hour buckets cover their rows ({@link BucketCoverage}): the rows in complete buckets
 * and the rows in the partial bucket of the hour after them are each aggregated once and reused, only the
 * rows after that (those since the last tick, about interval x rate) are read every time. The breakdown
 * tables have no hour buckets, so without this every leaderboard or latency request aggregated all of
 * today's rows again (about 1 s per request at 500,000 rows today; still 40,000 rows at the end of an hour
 * at 1 million a day).
 *
 * <p>A part is reused under the rule the hour buckets follow: only until one of its buckets is rewritten
 * (the ticks rewrite an hour whose rows changed, and the current hour's partial bucket at every tick). Its
 * figures are then those of the usage rows at the first request after that write, close to what a daily or
 * today read takes from the buckets. A read whose first day does not start on a UTC hour (zones like +05:30) is not
 * split. Consumers sum rows per key, so a key that has rows in several parts is counted once, in full.
 */
public final class CoveredHoursReuse {
  /** A complete part is needed for its hour at most: the next hour's part has other bounds. */
  private static final Duration KEEP_COMPLETE = Duration.ofHours(1);
  /** A partial part is needed until the next tick rewrites its bucket (5 minutes by default). */
  private static final Duration KEEP_PARTIAL = Duration.ofMinutes(10);
  private static final int MAX_PARTIAL_KEYS = 100;

  private CoveredHoursReuse() {}

  public static BreakdownReader breakdowns(BreakdownReader delegate, HourBucketState buckets, Clock clock) {
    Kept<BreakdownRow> kept = new Kept<>(clock);
    return new BreakdownReader() {
      @Override
      public CompletionStage<List<BreakdownRow>> stored(Breakdown breakdown, DayBounds days) {
        return delegate.stored(breakdown, days);
      }

      @Override
      public CompletionStage<List<BreakdownRow>> storedSums(Breakdown breakdown, DayBounds days, Set<LocalDate> only) {
        return delegate.storedSums(breakdown, days, only);
      }

      @Override
      public CompletionStage<List<BreakdownRow>> live(Breakdown breakdown, DayBounds days) {
        return split(breakdown, days, buckets, clock, d -> delegate.live(breakdown, d), kept);
      }
    };
  }

  public static LatencyHistogramReader histograms(LatencyHistogramReader delegate, HourBucketState buckets,
      Clock clock) {
    Kept<HistogramBucket> kept = new Kept<>(clock);
    return new LatencyHistogramReader() {
      @Override
      public CompletionStage<List<HistogramBucket>> stored(LatencyDimension dimension, DayBounds days) {
        return delegate.stored(dimension, days);
      }

      @Override
      public CompletionStage<List<HistogramBucket>> live(LatencyDimension dimension, DayBounds days) {
        return split(dimension, days, buckets, clock, d -> delegate.live(dimension, d), kept);
      }
    };
  }

  /** A covered part's key: what is read (a breakdown, a latency dimension), its bounds, its newest bucket write. */
  private record Part(Object what, DayBounds bounds, Instant written) {}

  /** The reused parts: complete ones and partial ones apart, as they are superseded at different paces. */
  private record Kept<T>(RecentResults<Part, List<T>> complete, RecentResults<Part, List<T>> partial) {
    Kept(Clock clock) {
      this(new RecentResults<>(clock, KEEP_COMPLETE), new RecentResults<>(clock, KEEP_PARTIAL, MAX_PARTIAL_KEYS));
    }
  }

  /**
   * {@code days} of {@code what} read as up to three parts: the rows in complete buckets, the rows in the
   * partial bucket after them (each through {@code read} once, then kept), and the rest (through
   * {@code read} every time); all of it through {@code read} when the buckets cover none of it.
   */
  private static <T> CompletionStage<List<T>> split(Object what, DayBounds days, HourBucketState buckets,
      Clock clock, Function<DayBounds, CompletionStage<List<T>>> read, Kept<T> kept) {
    Instant start = days.start();
    Instant to = min(HourRange.floor(days.end()), HourRange.floor(clock.instant()).plus(Duration.ofHours(1)));
    if (!HourRange.isWholeHour(start) || !to.isAfter(start)) {
      return read.apply(days);
    }
    return buckets.of(start, to).thenCompose(list -> {
      BucketCoverage coverage = BucketCoverage.of(start, to, list);
      Instant complete = coverage.completeUntil();
      BucketCoverage.Partial partial = coverage.partial();
      Instant coveredUntil = partial != null && !partial.until().isAfter(days.end()) ? partial.until() : complete;
      if (coveredUntil.equals(start)) {
        return read.apply(days);
      }
      List<CompletionStage<List<T>>> parts = new ArrayList<>(3);
      if (complete.isAfter(start)) {
        DayBounds part = days.slice(start, complete);
        parts.add(kept.complete().get(new Part(what, part, coverage.newestComplete()), () -> read.apply(part)));
      }
      if (coveredUntil.isAfter(complete)) {
        DayBounds part = days.slice(complete, coveredUntil);
        parts.add(kept.partial().get(new Part(what, part, partial.written()), () -> read.apply(part)));
      }
      if (coveredUntil.isBefore(days.end())) {
        parts.add(read.apply(days.slice(coveredUntil, days.end())));
      }
      return concat(parts);
    });
  }

  private static <T> CompletionStage<List<T>> concat(List<CompletionStage<List<T>>> parts) {
    CompletionStage<List<T>> out = CompletableFuture.completedFuture(List.of());
    for (CompletionStage<List<T>> part : parts) {
      out = out.thenCombine(part, (a, b) -> {
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
      });
    }
    return out;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
