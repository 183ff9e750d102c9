package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.port.HourBucketState;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The stats_hourly buckets of a range of hours (complete by the rule of {@link HourBuckets}): a primary-key range scan. */
final class PgHourBucketState implements HourBucketState {
  private static final String QUERY = "SELECT s.hour, s.covers_until, s.updated_at, " + HourBuckets.complete("s")
      + " AS complete FROM stats_hourly s WHERE s.hour >= $1 AND s.hour < $2 ORDER BY s.hour";

  private final Pool pool;

  PgHourBucketState(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<List<Bucket>> of(Instant from, Instant to) {
    return pool.preparedQuery(QUERY).execute(Tuple.of(Sql.ts(from), Sql.ts(to)))
        .map(rows -> {
          List<Bucket> out = new ArrayList<>(rows.size());
          for (Row r : rows) {
            out.add(new Bucket(Sql.instant(r, "hour"), Sql.instant(r, "covers_until"), r.getBoolean("complete"),
                Sql.instant(r, "updated_at")));
          }
          return out;
        })
        .toCompletionStage();
  }
}
