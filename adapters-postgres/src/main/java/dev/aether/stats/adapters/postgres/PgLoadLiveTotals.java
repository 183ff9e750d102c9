package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.model.LiveTotals;
import dev.aether.stats.domain.port.LoadLiveTotals;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Every figure of the usage rows in [from, to) in one statement: the complete hour buckets inside the
 * window plus the usage rows outside them (see {@link HourBuckets}), so the cost does not grow with the
 * day. Without {@code from}, all rows before {@code to} (an index range scan on created_at).
 */
final class PgLoadLiveTotals implements LoadLiveTotals {
  private static final String UNTIL = "SELECT " + UsageFigures.SELECT_LIST
      + "\nFROM usage u WHERE u.created_at < $1";

  private final Pool pool;

  PgLoadLiveTotals(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<LiveTotals> between(Instant from, Instant to) {
    var query = from == null
        ? pool.preparedQuery(UNTIL).execute(Tuple.of(Sql.ts(to)))
        : pool.preparedQuery(HourBuckets.TOTALS).execute(Tuple.tuple().addArrayOfOffsetDateTime(
            new java.time.OffsetDateTime[] {Sql.ts(from), Sql.ts(to)}));
    return query.map(rows -> {
      Row r = rows.iterator().next();
      return new LiveTotals(from, to, Sql.totals(r), Sql.longOrZero(r, "unsettled_requests"));
    }).toCompletionStage();
  }
}
