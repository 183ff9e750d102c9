package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.model.HistogramBucket;
import dev.aether.stats.domain.model.LatencyDimension;
import dev.aether.stats.domain.model.LatencyMetric;
import dev.aether.stats.domain.port.LatencyHistogramReader;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** stats_daily_latency_histogram rows of one dimension, or the same buckets from usage. */
final class PgLatencyHistogramReader implements LatencyHistogramReader {
  /** One row per day, key and metric, the buckets as arrays (expanded here, not in SQL: fewer rows to ship). */
  private static final String STORED = "SELECT date, key, metric, buckets, counts, min_ms, max_ms"
      + " FROM stats_daily_latency_histogram WHERE dimension = $1 AND date >= $2 AND date < $3";
  private static final Map<LatencyDimension, String> LIVE = new EnumMap<>(Map.of(
      LatencyDimension.ALL, live("''::text"),
      LatencyDimension.MODEL, live("u.model"),
      LatencyDimension.PROVIDER, live("u.provider")));

  private static String live(String key) {
    return DayRows.perBucket(key + " AS key, m.metric, " + UsageFigures.HISTOGRAM_BUCKET
        + " AS bucket, count(*) AS count, min(m.ms) AS min_ms, max(m.ms) AS max_ms",
        "usage u CROSS JOIN LATERAL (VALUES ('response', u.response_time_ms),"
        + " ('first_byte', u.first_byte_time_ms)) AS m(metric, ms)",
        "u.status = 'completed' AND m.ms IS NOT NULL", "1, 2, 3");
  }

  private final Pool pool;

  PgLatencyHistogramReader(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<List<HistogramBucket>> stored(LatencyDimension dimension, DayBounds days) {
    return pool.preparedQuery(STORED)
        .execute(Tuple.of(dimension.wireName(), Sql.ts(days.start()), Sql.ts(days.end())))
        .map(rows -> {
          List<HistogramBucket> out = new ArrayList<>();
          for (Row r : rows) {
            int i = DayRows.storedIndex(r, days);
            if (i >= 0) {
              Integer[] buckets = r.getArrayOfIntegers("buckets");
              Long[] counts = r.getArrayOfLongs("counts");
              Integer[] mins = r.getArrayOfIntegers("min_ms");
              Integer[] maxs = r.getArrayOfIntegers("max_ms");
              LatencyMetric metric = LatencyMetric.ofWireName(r.getString("metric"));
              for (int k = 0; k < buckets.length; k++) {
                out.add(new HistogramBucket(days.day(i), r.getString("key"), metric, buckets[k], counts[k], mins[k],
                    maxs[k]));
              }
            }
          }
          return out;
        })
        .toCompletionStage();
  }

  @Override
  public CompletionStage<List<HistogramBucket>> live(LatencyDimension dimension, DayBounds days) {
    return pool.preparedQuery(LIVE.get(dimension))
        .execute(Tuple.tuple().addArrayOfOffsetDateTime(Sql.bounds(days)))
        .map(rows -> {
          List<HistogramBucket> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(bucket(r, days, DayRows.liveIndex(r)));
          }
          return out;
        })
        .toCompletionStage();
  }

  private static HistogramBucket bucket(Row r, DayBounds days, int i) {
    return new HistogramBucket(days.day(i), r.getString("key"), LatencyMetric.ofWireName(r.getString("metric")),
        r.getInteger("bucket"), Sql.longOrZero(r, "count"), Sql.longOrZero(r, "min_ms"),
        Sql.longOrZero(r, "max_ms"));
  }
}
