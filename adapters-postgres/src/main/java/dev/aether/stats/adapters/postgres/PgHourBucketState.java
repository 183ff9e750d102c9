package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.port.HourBucketState;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** The complete stats_hourly buckets of a range of hours (the rule of {@link HourBuckets}): a primary-key range scan. */
final class PgHourBucketState implements HourBucketState {
  private static final String QUERY = "SELECT count(*) AS n, max(s.updated_at) AS newest FROM stats_hourly s"
      + " WHERE s.hour >= $1 AND s.hour < $2 AND " + HourBuckets.complete("s");

  private final Pool pool;

  PgHourBucketState(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<State> of(Instant from, Instant to) {
    return pool.preparedQuery(QUERY).execute(Tuple.of(Sql.ts(from), Sql.ts(to)))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new State(r.getLong("n"), Sql.instant(r, "newest"));
        })
        .toCompletionStage();
  }
}
