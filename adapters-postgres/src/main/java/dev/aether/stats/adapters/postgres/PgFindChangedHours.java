package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.port.ChangedHour;
import dev.aether.stats.domain.port.FindChangedHours;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/** Calls stats_changed_hours (db-changelog): one counting pass over the window's usage rows. */
final class PgFindChangedHours implements FindChangedHours {
  private final Pool pool;

  PgFindChangedHours(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<List<ChangedHour>> changed(HourRange hours) {
    return pool.preparedQuery("SELECT hour_start, reason FROM stats_changed_hours($1, $2)")
        .execute(Tuple.of(Sql.ts(hours.from()), Sql.ts(hours.to())))
        .map(rows -> {
          List<ChangedHour> out = new ArrayList<>(rows.size());
          for (Row r : rows) {
            out.add(new ChangedHour(Sql.instant(r, "hour_start"),
                ChangedHour.Reason.valueOf(r.getString("reason").toUpperCase(Locale.ROOT))));
          }
          return out;
        })
        .toCompletionStage();
  }
}
