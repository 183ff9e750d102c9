package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.model.Summary;
import dev.aether.stats.domain.port.LoadSummary;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Reads the one stats_summary row (the newest, should a gateway's own aggregator have added another). */
final class PgLoadSummary implements LoadSummary {
  private final Pool pool;

  PgLoadSummary(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<Optional<Summary>> load() {
    return pool.query("SELECT * FROM stats_summary ORDER BY updated_at DESC LIMIT 1").execute()
        .map(rows -> {
          RowIterator<Row> it = rows.iterator();
          return it.hasNext() ? Optional.of(SummaryRows.summary(it.next())) : Optional.<Summary>empty();
        })
        .toCompletionStage();
  }
}
