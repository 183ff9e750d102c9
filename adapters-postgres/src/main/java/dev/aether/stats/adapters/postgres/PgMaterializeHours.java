package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.port.MaterializeHours;
import dev.aether.stats.domain.run.DayOutcome;
import dev.aether.stats.domain.run.HourOutcome;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/** Calls stats_materialize_hours (db-changelog): the whole range of hours in one statement and one transaction. */
final class PgMaterializeHours implements MaterializeHours {
  private final Pool pool;

  PgMaterializeHours(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<List<HourOutcome>> materialize(HourRange hours, Instant until) {
    return pool.preparedQuery("SELECT hour_start, outcome, rows_read FROM stats_materialize_hours($1, $2, $3)")
        .execute(Tuple.of(Sql.ts(hours.from()), Sql.ts(hours.to()), Sql.ts(until)))
        .map(rows -> {
          List<HourOutcome> out = new ArrayList<>(rows.size());
          for (Row r : rows) {
            Instant start = Sql.instant(r, "hour_start");
            if (!hours.contains(start)) {
              throw new IllegalStateException("stats_materialize_hours returned an hour it was not given: " + start);
            }
            out.add(new HourOutcome(start,
                DayOutcome.Kind.valueOf(r.getString("outcome").toUpperCase(Locale.ROOT)), r.getLong("rows_read")));
          }
          return out;
        })
        .toCompletionStage();
  }
}
