package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.port.HourBucketState;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** The complete stats_hourly buckets of a range of hours (the rule of {@link HourBuckets}): a primary-key range scan. */
final class PgHourBucketState implements HourBucketState {
  private static final String QUERY = "SELECT count(*) AS n, max(updated_at) AS newest FROM stats_hourly"
      + " WHERE hour >= $1 AND hour < $2 AND covers_until = hour + interval '1 hour'";

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
