package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.model.Summary;
import dev.aether.stats.domain.port.RefreshSummary;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Calls stats_refresh_summary (db-changelog): one statement, under the statistics writers' lock. */
final class PgRefreshSummary implements RefreshSummary {
  private final Pool pool;

  PgRefreshSummary(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<Summary> refresh(Instant cutoff, List<Instant> dayStarts) {
    OffsetDateTime[] starts = dayStarts.stream().map(Sql::ts).toArray(OffsetDateTime[]::new);
    return pool.preparedQuery("SELECT * FROM stats_refresh_summary($1, $2)")
        .execute(Tuple.of(Sql.ts(cutoff)).addArrayOfOffsetDateTime(starts))
        .map(rows -> SummaryRows.summary(rows.iterator().next()))
        .toCompletionStage();
  }
}
