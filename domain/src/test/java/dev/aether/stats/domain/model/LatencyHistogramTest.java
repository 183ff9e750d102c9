package dev.aether.stats.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void bucketsAreTwoPercentWide() {
    assertEquals(-1, LatencyHistogram.bucketOf(0));
    assertEquals(0, LatencyHistogram.bucketOf(1));       // [1, 1.02)
    assertEquals(35, LatencyHistogram.bucketOf(2));      // 1.02^35 = 1.99989, 1.02^36 = 2.03989
    assertEquals(348, LatencyHistogram.bucketOf(1000));  // 1.02^348 = 984.7, 1.02^349 = 1004.4
    assertEquals(762, LatencyHistogram.bucketOf(3_600_000)); // 1.02^762 = 3.58e6, 1.02^763 = 3.65e6: an hour
  }

  @Test
  void emptyHistogramsHaveNoPercentile() {
    LatencyHistogram h = new LatencyHistogram();
    assertTrue(h.percentile(0.5).isEmpty());
    assertTrue(h.max().isEmpty());
  }

  @Test
  void percentilesInterpolateLikePercentileCont() {
    LatencyHistogram h = histogram(300, 500, 1000, 2000, 4000);
    assertEquals(1000.0, h.percentile(0.5).getAsDouble(), 1e-9);   // single-valued buckets are exact
    assertEquals(3200.0, h.percentile(0.9).getAsDouble(), 1e-9);   // rank 3.6
    assertEquals(300.0, h.percentile(0).getAsDouble(), 1e-9);
    assertEquals(4000, h.max().getAsLong());
    assertEquals(5, h.count());
  }

  @Test
  void onRandomDataEveryPercentileIsWithinOnePercent() {
    Random rnd = new Random(42);
    long[] values = new long[20_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (long) Math.exp(rnd.nextDouble() * 15); // 1 ms .. 3.3 million ms, log-uniform
    }
    LatencyHistogram h = histogram(values);
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    for (double p = 0; p <= 1.0; p += 0.01) {
      double rank = p * (sorted.length - 1);
      int lo = (int) Math.floor(rank);
      int hi = (int) Math.ceil(rank);
      double exact = sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
      double estimate = h.percentile(p).getAsDouble();
      assertTrue(Math.abs(estimate - exact) <= 0.01 * exact, p + ": " + estimate + " vs " + exact);
    }
    assertEquals(sorted[sorted.length - 1], h.max().getAsLong());
  }

  @Test
  void mergedDaysGiveThePercentilesOfAllValues() {
    LatencyHistogram merged = new LatencyHistogram();
    for (long[] day : new long[][] {{100, 200}, {300, 400, 500}}) {
      for (long v : day) {
        merged.add(LatencyHistogram.bucketOf(v), 1, v, v);
      }
    }
    assertEquals(300.0, merged.percentile(0.5).getAsDouble(), 1e-9);
    assertEquals(5, merged.count());
  }

  private static LatencyHistogram histogram(long... values) {
    TreeMap<Integer, long[]> cells = new TreeMap<>();
    for (long v : values) {
      long[] c = cells.computeIfAbsent(LatencyHistogram.bucketOf(v), b -> new long[] {0, Long.MAX_VALUE, 0});
      c[0]++;
      c[1] = Math.min(c[1], v);
      c[2] = Math.max(c[2], v);
    }
    LatencyHistogram h = new LatencyHistogram();
    cells.forEach((b, c) -> h.add(b, c[0], c[1], c[2]));
    return h;
  }
}
