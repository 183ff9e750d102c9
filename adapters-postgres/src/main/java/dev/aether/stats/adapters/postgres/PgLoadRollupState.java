package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.port.LoadRollupState;
import dev.aether.stats.domain.port.RollupState;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The planner's view of the database, in one round trip (three index look-ups). */
final class PgLoadRollupState implements LoadRollupState {
  private static final String SQL = """
      SELECT (SELECT cutoff_date FROM stats_summary ORDER BY updated_at DESC LIMIT 1) AS summary_cutoff,
             (SELECT max(date) FROM stats_daily) AS newest_day,
             (SELECT min(created_at) FROM usage) AS first_usage""";

  private final Pool pool;

  PgLoadRollupState(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<RollupState> load() {
    return pool.query(SQL).execute().map(rows -> {
      Row r = rows.iterator().next();
      return new RollupState(
          Optional.ofNullable(Sql.instant(r, "summary_cutoff")),
          Optional.ofNullable(Sql.instant(r, "newest_day")),
          Optional.ofNullable(Sql.instant(r, "first_usage")));
    }).toCompletionStage();
  }
}
