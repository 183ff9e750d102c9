package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.HourRange;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.Optional;

/**
 * A live run of hours cut after its last hour that holds a usage row or an attempt: a run that reaches to
 * the end of today (a 30-day hourly read's last run) is mostly hours still to come, whose windows cost as
 * much to plan and run as the others and hold nothing. Two backward probes of the created_at indexes; the
 * attempts count too, as a request's attempt may fall in the hour after its usage row.
 */
final class HoursWithRows {
  private static final String LAST_ROW = """
      SELECT greatest(
               (SELECT max(u.created_at) FROM usage u WHERE u.created_at >= $1 AND u.created_at < $2),
               (SELECT max(rc.created_at) FROM request_candidates rc
                 WHERE rc.created_at >= $1 AND rc.created_at < $2)) AS last
      """;

  private HoursWithRows() {}

  /** [hours.from, the end of the last hour with a row), or empty when no hour of it has one. */
  static Future<Optional<HourRange>> of(Pool pool, HourRange hours) {
    return pool.preparedQuery(LAST_ROW).execute(Tuple.of(Sql.ts(hours.from()), Sql.ts(hours.to())))
        .map(rows -> Optional.ofNullable(Sql.instant(rows.iterator().next(), "last"))
            .map(last -> new HourRange(hours.from(), HourRange.floor(last).plus(Duration.ofHours(1)))));
  }
}
