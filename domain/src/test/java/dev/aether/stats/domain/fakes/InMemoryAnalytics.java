package dev.aether.stats.domain.fakes;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.model.Breakdown;
import dev.aether.stats.domain.model.BreakdownFigures;
import dev.aether.stats.domain.model.BreakdownRow;
import dev.aether.stats.domain.model.HistogramBucket;
import dev.aether.stats.domain.model.LatencyDimension;
import dev.aether.stats.domain.model.LatencyMetric;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.model.StatusClasses;
import dev.aether.stats.domain.model.UsageFilter;
import dev.aether.stats.domain.port.BreakdownReader;
import dev.aether.stats.domain.port.LatencyHistogramReader;
import dev.aether.stats.domain.port.PeriodUsageReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The analytics ports of {@link InMemoryGateway}: the stored side is computed from the snapshot of each
 * day's rows taken when the day was materialized, the live side from the rows now. Naive on purpose:
 * buckets by {@code Math.log} per value, figures by {@link NaiveStats#breakdown}.
 */
final class InMemoryAnalytics {
  private final InMemoryGateway gateway;

  InMemoryAnalytics(InMemoryGateway gateway) {
    this.gateway = gateway;
  }

  BreakdownReader breakdowns() {
    return new BreakdownReader() {
      @Override
      public CompletionStage<List<BreakdownRow>> stored(Breakdown breakdown, DayBounds days) {
        return now(() -> breakdownRows(breakdown, days, true));
      }

      @Override
      public CompletionStage<List<BreakdownRow>> live(Breakdown breakdown, DayBounds days) {
        return now(() -> breakdownRows(breakdown, days, false));
      }
    };
  }

  LatencyHistogramReader histograms() {
    return new LatencyHistogramReader() {
      @Override
      public CompletionStage<List<HistogramBucket>> stored(LatencyDimension dimension, DayBounds days) {
        return now(() -> buckets(dimension, days, true));
      }

      @Override
      public CompletionStage<List<HistogramBucket>> live(LatencyDimension dimension, DayBounds days) {
        return now(() -> buckets(dimension, days, false));
      }
    };
  }

  PeriodUsageReader periods() {
    return (bounds, filter) -> now(() -> {
      List<BreakdownFigures> out = new ArrayList<>();
      for (int i = 0; i + 1 < bounds.size(); i++) {
        out.add(NaiveStats.breakdown(gateway.rowsBetween(bounds.get(i), bounds.get(i + 1)).stream()
            .filter(r -> matches(r, filter)).toList()));
      }
      return out;
    });
  }

  private static boolean matches(UsageRow r, UsageFilter f) {
    return (f.userId() == null || f.userId().equals(r.userId()))
        && (f.model() == null || f.model().equals(r.model()))
        && (f.provider() == null || f.provider().equals(r.provider()))
        && (f.apiKeyId() == null || f.apiKeyId().equals(r.apiKeyId()));
  }

  /** The day's rows: as materialized (null when the day was not), or as they are now. */
  private List<UsageRow> rows(DayBounds days, int i, boolean stored) {
    return stored ? gateway.materializedRows(days.startOf(i))
        : gateway.rowsBetween(days.startOf(i), days.startOf(i + 1));
  }

  private List<BreakdownRow> breakdownRows(Breakdown breakdown, DayBounds days, boolean stored) {
    List<BreakdownRow> out = new ArrayList<>();
    for (int i = 0; i < days.range().size(); i++) {
      List<UsageRow> rows = rows(days, i, stored);
      if (rows == null) {
        continue;
      }
      LocalDate day = days.day(i);
      Function<UsageRow, String> key = switch (breakdown) {
        case PROVIDER -> UsageRow::provider;
        case API_KEY -> UsageRow::apiKeyId;
        case MODEL_PROVIDER -> r -> r.model() + "\u0000" + r.provider();
        case USER -> UsageRow::userId;
      };
      Map<String, List<UsageRow>> byKey = new TreeMap<>();
      rows.stream().filter(r -> key.apply(r) != null)
          .forEach(r -> byKey.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
      Source source = stored ? Source.MATERIALIZED : Source.LIVE;
      byKey.forEach((k, keyRows) -> {
        BreakdownFigures f = NaiveStats.breakdown(keyRows);
        switch (breakdown) {
          case PROVIDER -> out.add(new BreakdownRow(day, k, null, null, f, source));
          case API_KEY -> out.add(new BreakdownRow(day, k, null, gateway.apiKeyName(k), onlyBreakdownFields(f),
              source));
          case MODEL_PROVIDER -> {
            String[] mp = k.split("\u0000", 2);
            out.add(new BreakdownRow(day, mp[0], mp[1], null, onlyBreakdownFields(f), source));
          }
          case USER -> out.add(new BreakdownRow(day, k, null, k, stored ? userFields(f) : onlyBreakdownFields(f), source));
        }
      });
    }
    return out;
  }

  /** The status classes are kept per provider only (the other breakdowns answer them as zeros). */
  private static BreakdownFigures onlyBreakdownFields(BreakdownFigures f) {
    return new BreakdownFigures(f.totals(), f.clientErrors(), f.serviceErrors(), f.firstByteSumMs(),
        f.firstByteCount(), f.speedOutputTokens(), f.speedGenerationMs(), f.cacheHitRequests(),
        StatusClasses.ZERO);
  }

  /** What stats_user_daily stores: requests, errors, tokens, total cost. */
  private static BreakdownFigures userFields(BreakdownFigures f) {
    return new BreakdownFigures(NaiveStats.userFields(f.totals()), 0, 0, 0, 0, 0, 0, 0,
        StatusClasses.ZERO);
  }

  private List<HistogramBucket> buckets(LatencyDimension dimension, DayBounds days, boolean stored) {
    List<HistogramBucket> out = new ArrayList<>();
    for (int i = 0; i < days.range().size(); i++) {
      List<UsageRow> rows = rows(days, i, stored);
      if (rows == null) {
        continue;
      }
      // key -> metric -> bucket -> {count, min, max}
      Map<String, Map<LatencyMetric, TreeMap<Integer, long[]>>> cells = new TreeMap<>();
      for (UsageRow r : rows) {
        if (!r.status().equals("completed")) {
          continue;
        }
        String key = switch (dimension) {
          case ALL -> "";
          case MODEL -> r.model();
          case PROVIDER -> r.provider();
        };
        add(cells, key, LatencyMetric.RESPONSE, r.responseTimeMs());
        add(cells, key, LatencyMetric.FIRST_BYTE, r.firstByteTimeMs());
      }
      LocalDate day = days.day(i);
      cells.forEach((key, byMetric) -> byMetric.forEach((metric, byBucket) -> byBucket.forEach((b, c) ->
          out.add(new HistogramBucket(day, key, metric, b, c[0], c[1], c[2])))));
    }
    return out;
  }

  private static void add(Map<String, Map<LatencyMetric, TreeMap<Integer, long[]>>> cells, String key,
      LatencyMetric metric, Integer ms) {
    if (ms == null) {
      return;
    }
    // [1.02^b, 1.02^(b+1)) the slow way: the largest b with 1.02^b <= ms
    int b = -1;
    if (ms >= 1) {
      b = 0;
      while (Math.pow(1.02, b + 1) <= ms) {
        b++;
      }
    }
    long[] c = cells.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(metric, m -> new TreeMap<>())
        .computeIfAbsent(b, x -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
    c[0]++;
    c[1] = Math.min(c[1], ms);
    c[2] = Math.max(c[2], ms);
  }

  private static <T> CompletionStage<T> now(java.util.function.Supplier<T> work) {
    try {
      return CompletableFuture.completedFuture(work.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
