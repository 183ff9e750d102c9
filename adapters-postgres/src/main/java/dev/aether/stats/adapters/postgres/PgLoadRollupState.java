package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.port.LoadRollupState;
import dev.aether.stats.domain.port.RollupState;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The planner's view of the database, in one round trip: the summary's cutoff, the first usage row (an
 * index look-up) and every stored stats_daily date (one per day of history: an index-only scan of a few
 * thousand entries at most).
 */
final class PgLoadRollupState implements LoadRollupState {
  private static final String SQL = """
      SELECT (SELECT cutoff_date FROM stats_summary ORDER BY updated_at DESC LIMIT 1) AS summary_cutoff,
             (SELECT min(created_at) FROM usage) AS first_usage,
             ARRAY(SELECT date FROM stats_daily ORDER BY date) AS stored_days""";

  private final Pool pool;

  PgLoadRollupState(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<RollupState> load() {
    return pool.query(SQL).execute().map(rows -> {
      Row r = rows.iterator().next();
      List<Instant> stored = new ArrayList<>();
      for (OffsetDateTime d : r.getArrayOfOffsetDateTimes("stored_days")) {
        stored.add(d.toInstant());
      }
      return new RollupState(
          Optional.ofNullable(Sql.instant(r, "summary_cutoff")),
          Optional.ofNullable(Sql.instant(r, "first_usage")),
          stored);
    }).toCompletionStage();
  }
}
