package dev.aether.stats.adapters.postgres;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Synthetic gateway traffic for demos and benchmarks: stats_demo_fill (db-changelog) generates it
 * set-based inside PostgreSQL, deterministically for a seed and an end instant.
 */
public final class DemoTraffic {
  private final Pool pool;

  DemoTraffic(Pool pool) {
    this.pool = pool;
  }

  /** What one fill inserted. */
  public record Filled(long users, long apiKeys, long usage, long candidates) {}

  public CompletionStage<Filled> fill(int days, int rowsPerDay, int users, long seed, Instant end) {
    return pool.preparedQuery("SELECT * FROM stats_demo_fill($1, $2, $3, $4, $5)")
        .execute(Tuple.of(days, rowsPerDay, users, seed, Sql.ts(end)))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new Filled(r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3));
        })
        .toCompletionStage();
  }

  /** True when the gateway's usage table has no row (serve --demo fills only empty tables). */
  public CompletionStage<Boolean> usageIsEmpty() {
    return pool.query("SELECT NOT EXISTS (SELECT 1 FROM usage) AS empty").execute()
        .map(rows -> rows.iterator().next().getBoolean("empty"))
        .toCompletionStage();
  }
}
