package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.port.StoredDayState;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.CompletionStage;

/** The stats_daily rows of a range of days, counted, and their newest write: one range scan of its date index. */
final class PgStoredDayState implements StoredDayState {
  private static final String QUERY = "SELECT count(*) AS n, max(updated_at) AS newest FROM stats_daily"
      + " WHERE date >= $1 AND date < $2";

  private final Pool pool;

  PgStoredDayState(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<State> of(DayBounds days) {
    return pool.preparedQuery(QUERY).execute(Tuple.of(Sql.ts(days.start()), Sql.ts(days.end())))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new State(r.getLong("n"), Sql.instant(r, "newest"));
        })
        .toCompletionStage();
  }
}
