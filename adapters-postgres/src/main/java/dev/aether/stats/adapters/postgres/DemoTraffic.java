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

  /** Needs the demo changelog (SchemaMigrator.migrateDemo); a large fill runs for minutes (long statement timeout). */
  public CompletionStage<Filled> fill(int days, int rowsPerDay, int users, long seed, Instant end) {
    return pool.withTransaction(conn -> PgPools.longStatements(conn)
        .compose(v -> conn.preparedQuery("SELECT * FROM stats_demo_fill($1, $2, $3, $4, $5)")
            .execute(Tuple.of(days, rowsPerDay, users, seed, Sql.ts(end)))))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new Filled(r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3));
        })
        .toCompletionStage();
  }

  /**
   * Whether usage holds rows stats_demo_fill did not insert: more rows than the recorded fills
   * (stats_demo_runs) inserted, i.e. a gateway's real traffic that demo rows must not be mixed with. Counts
   * at most that many rows plus one, so a large real gateway answers at once. (Rows the gateway's retention
   * deleted lower the count: never a false alarm, but as many real rows could go unnoticed.)
   */
  public CompletionStage<Boolean> hasForeignUsageRows() {
    return pool.withTransaction(conn -> PgPools.longStatements(conn)
            .compose(v -> conn.query(FOREIGN_ROWS).execute()))
        .map(rows -> rows.iterator().next().getBoolean("foreign_rows"))
        .toCompletionStage();
  }

  private static final String FOREIGN_ROWS = """
      WITH d AS (SELECT coalesce(sum(usage_added), 0)::bigint AS generated FROM stats_demo_runs)
      SELECT (SELECT count(*) FROM (SELECT 1 FROM usage LIMIT (SELECT generated + 1 FROM d)) u)
             > (SELECT generated FROM d) AS foreign_rows""";

  /** True when the gateway's usage table has no row (serve --demo fills only empty tables). */
  public CompletionStage<Boolean> usageIsEmpty() {
    return pool.query("SELECT NOT EXISTS (SELECT 1 FROM usage) AS empty").execute()
        .map(rows -> rows.iterator().next().getBoolean("empty"))
        .toCompletionStage();
  }
}
