package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.port.MaterializeDays;
import dev.aether.stats.domain.run.DayOutcome;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * Calls stats_materialize_days (db-changelog): the whole batch of days in one statement and one
 * transaction, the day boundaries computed by the domain's calendar and passed as an array. A batch of a
 * large gateway runs for minutes: its transaction raises the pool's short statement_timeout to
 * {@link PgPools#LONG_STATEMENT_TIMEOUT} (SET LOCAL: the connection goes back to the pool with the short one).
 */
final class PgMaterializeDays implements MaterializeDays {
  private final Pool pool;

  PgMaterializeDays(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<List<DayOutcome>> materialize(DayBounds days) {
    return pool.withTransaction(conn -> PgPools.longStatements(conn)
        .compose(v -> conn.preparedQuery("SELECT day_start, outcome, rows_read FROM stats_materialize_days($1)")
            .execute(Tuple.tuple().addArrayOfOffsetDateTime(Sql.bounds(days)))))
        .map(rows -> {
          List<DayOutcome> out = new ArrayList<>(rows.size());
          for (Row r : rows) {
            Instant start = Sql.instant(r, "day_start");
            int index = days.indexOfStart(start);
            if (index < 0) {
              throw new IllegalStateException("stats_materialize_days returned a day it was not given: " + start);
            }
            out.add(new DayOutcome(days.day(index), start,
                DayOutcome.Kind.valueOf(r.getString("outcome").toUpperCase(Locale.ROOT)), r.getLong("rows_read")));
          }
          out.sort(java.util.Comparator.comparing(DayOutcome::day));
          return out;
        })
        .toCompletionStage();
  }
}
