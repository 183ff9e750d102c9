package dev.aether.stats.domain.model;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A fixed log-scale histogram of milliseconds that merges by addition, so that a range's percentiles come
 * from the summed days (daily percentiles cannot be averaged).
 *
 * <p>Bucket b >= 0 holds [1.02^b, 1.02^(b+1)) ms; bucket -1 holds values below 1 ms (0). Each bucket also
 * keeps the smallest and largest value seen, so {@link #max()} is exact. A value is estimated as the
 * geometric midpoint 1.02^(b+0.5) of its bucket, clamped to the bucket's [min, max]: its relative error is
 * at most sqrt(1.02) - 1 < 1 %. {@link #percentile} interpolates between the estimates of the two ranks
 * around p * (n - 1) like PostgreSQL's percentile_cont, so it too is within 1 % of percentile_cont over
 * the raw values (a convex combination of two values each within 1 %).
 */
public final class LatencyHistogram {
  /** Bucket width: each bucket is 2 % wider than the previous one. */
  public static final double BASE = 1.02;
  private static final double LN_BASE = Math.log(BASE);

  private record Cell(long count, long min, long max) {}

  private final TreeMap<Integer, Cell> cells = new TreeMap<>();
  private long count;

  /** The bucket of {@code ms}, the formula stats_materialize_days uses. */
  public static int bucketOf(long ms) {
    return ms < 1 ? -1 : (int) Math.floor(Math.log((double) ms) / LN_BASE);
  }

  public void add(int bucket, long n, long min, long max) {
    if (n <= 0) {
      return;
    }
    cells.merge(bucket, new Cell(n, min, max),
        (a, b) -> new Cell(a.count + b.count, Math.min(a.min, b.min), Math.max(a.max, b.max)));
    count += n;
  }

  public void add(HistogramBucket b) {
    add(b.bucket(), b.count(), b.minMs(), b.maxMs());
  }

  /** How many values. */
  public long count() {
    return count;
  }

  public OptionalLong max() {
    return cells.isEmpty() ? OptionalLong.empty() : OptionalLong.of(cells.lastEntry().getValue().max);
  }

  /** The p-quantile (0 <= p <= 1) in the sense of percentile_cont, within 1 %; empty without values. */
  public OptionalDouble percentile(double p) {
    if (count == 0) {
      return OptionalDouble.empty();
    }
    double rank = p * (count - 1);
    long lo = (long) Math.floor(rank);
    long hi = (long) Math.ceil(rank);
    double vLo = valueAt(lo);
    double vHi = hi == lo ? vLo : valueAt(hi);
    return OptionalDouble.of(vLo + (rank - lo) * (vHi - vLo));
  }

  /** The estimate of the value of 0-based rank {@code rank}. */
  private double valueAt(long rank) {
    long seen = 0;
    for (Map.Entry<Integer, Cell> e : cells.entrySet()) {
      Cell c = e.getValue();
      seen += c.count;
      if (rank < seen) {
        double mid = e.getKey() < 0 ? 0.0 : Math.pow(BASE, e.getKey() + 0.5);
        return Math.max(c.min, Math.min(c.max, mid));
      }
    }
    throw new IllegalStateException("rank " + rank + " beyond " + count);
  }
}
