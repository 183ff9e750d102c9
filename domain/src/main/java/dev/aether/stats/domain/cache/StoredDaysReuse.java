package dev.aether.stats.domain.cache;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.model.Breakdown;
import dev.aether.stats.domain.model.BreakdownRow;
import dev.aether.stats.domain.model.HistogramBucket;
import dev.aether.stats.domain.model.LatencyDimension;
import dev.aether.stats.domain.port.BreakdownReader;
import dev.aether.stats.domain.port.LatencyHistogramReader;
import dev.aether.stats.domain.port.StoredDayState;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The analytics reads' stored parts (per-key sums and rows of the breakdown tables, latency histograms)
 * kept per state of the range's stored days ({@link StoredDayState}: one cheap query instead of reading
 * thousands of rows again; ranking 30 days of API keys sums about 43,000 rows on the benchmark set). The
 * stored days change only when a day is materialized, so a kept result is what the tables hold. The state
 * is read before the rows, so a result is never older than the state it is kept under. Kept at most
 * {@link #KEEP}: names joined from the gateway's users and API keys (a renamed key) show within that time.
 */
public final class StoredDaysReuse {
  public static final Duration KEEP = Duration.ofMinutes(5);

  private StoredDaysReuse() {}

  public static BreakdownReader breakdowns(BreakdownReader delegate, StoredDayState days, Clock clock) {
    record Key(Breakdown breakdown, DayBounds bounds, Set<LocalDate> only, StoredDayState.State state) {}
    RecentResults<Key, List<BreakdownRow>> kept = new RecentResults<>(clock, KEEP);
    return new BreakdownReader() {
      @Override
      public CompletionStage<List<BreakdownRow>> stored(Breakdown breakdown, DayBounds bounds) {
        return keep(days, bounds, state -> kept.get(new Key(breakdown, bounds, null, state),
            () -> delegate.stored(breakdown, bounds)));
      }

      @Override
      public CompletionStage<List<BreakdownRow>> storedSums(Breakdown breakdown, DayBounds bounds, Set<LocalDate> only) {
        Set<LocalDate> chosen = Set.copyOf(only);
        return keep(days, bounds, state -> kept.get(new Key(breakdown, bounds, chosen, state),
            () -> delegate.storedSums(breakdown, bounds, chosen)));
      }

      @Override
      public CompletionStage<List<BreakdownRow>> live(Breakdown breakdown, DayBounds bounds) {
        return delegate.live(breakdown, bounds);
      }
    };
  }

  public static LatencyHistogramReader histograms(LatencyHistogramReader delegate, StoredDayState days,
      Clock clock) {
    record Key(LatencyDimension dimension, DayBounds bounds, StoredDayState.State state) {}
    RecentResults<Key, List<HistogramBucket>> kept = new RecentResults<>(clock, KEEP);
    return new LatencyHistogramReader() {
      @Override
      public CompletionStage<List<HistogramBucket>> stored(LatencyDimension dimension, DayBounds bounds) {
        return keep(days, bounds, state -> kept.get(new Key(dimension, bounds, state),
            () -> delegate.stored(dimension, bounds)));
      }

      @Override
      public CompletionStage<List<HistogramBucket>> live(LatencyDimension dimension, DayBounds bounds) {
        return delegate.live(dimension, bounds);
      }
    };
  }

  /** {@code underState} given the stored days' state, read first. */
  private static <T> CompletionStage<T> keep(StoredDayState days, DayBounds bounds,
      Function<StoredDayState.State, CompletionStage<T>> underState) {
    return days.of(bounds).thenCompose(underState);
  }
}
