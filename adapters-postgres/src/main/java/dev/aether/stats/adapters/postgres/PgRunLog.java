package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.run.RunStatus;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** stats_rollup_runs: one row per run, written as it starts, after each batch, and as it ends. */
final class PgRunLog implements RunLog {
  private static final String COLUMNS = "id, kind, first_day, last_day, time_zone, status, days_written,"
      + " days_skipped, rows_read, started_at, finished_at, error, owner";

  private final Pool pool;
  private final String owner;

  PgRunLog(Pool pool, String owner) {
    this.pool = pool;
    this.owner = owner;
  }

  @Override
  public CompletionStage<RunRecord> start(RunKind kind, DayRange range, String timeZone) {
    return pool.preparedQuery("INSERT INTO stats_rollup_runs (kind, first_day, last_day, time_zone, status, owner)"
            + " VALUES ($1, $2, $3, $4, 'running', $5) RETURNING " + COLUMNS)
        .execute(Tuple.of(kind.wireName(), range == null ? null : range.first(), range == null ? null : range.last(),
            timeZone, owner))
        .map(rows -> record(rows.iterator().next()))
        .toCompletionStage();
  }

  @Override
  public CompletionStage<Void> progress(long runId, int daysWritten, int daysSkipped, long rowsRead) {
    return pool.preparedQuery("UPDATE stats_rollup_runs SET days_written = days_written + $2,"
            + " days_skipped = days_skipped + $3, rows_read = rows_read + $4 WHERE id = $1")
        .execute(Tuple.of(runId, daysWritten, daysSkipped, rowsRead))
        .<Void>mapEmpty()
        .toCompletionStage();
  }

  @Override
  public CompletionStage<RunRecord> finish(long runId, RunStatus status, String error) {
    return pool.preparedQuery("UPDATE stats_rollup_runs SET status = $2, error = $3, finished_at = now()"
            + " WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(runId, status.wireName(), error == null ? null : truncate(error)))
        .map(rows -> record(rows.iterator().next()))
        .toCompletionStage();
  }

  @Override
  public CompletionStage<Optional<RunRecord>> find(long runId) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM stats_rollup_runs WHERE id = $1")
        .execute(Tuple.of(runId))
        .map(rows -> rows.size() == 0 ? Optional.<RunRecord>empty() : Optional.of(record(rows.iterator().next())))
        .toCompletionStage();
  }

  @Override
  public CompletionStage<List<RunRecord>> recent(int limit) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM stats_rollup_runs ORDER BY id DESC LIMIT $1")
        .execute(Tuple.of(limit))
        .map(PgRunLog::records)
        .toCompletionStage();
  }

  private static List<RunRecord> records(RowSet<Row> rows) {
    List<RunRecord> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(record(r)));
    return out;
  }

  private static RunRecord record(Row r) {
    LocalDate first = r.getLocalDate("first_day");
    LocalDate last = r.getLocalDate("last_day");
    return new RunRecord(
        r.getLong("id"),
        RunKind.valueOf(r.getString("kind").toUpperCase(Locale.ROOT)),
        first == null ? null : new DayRange(first, last),
        r.getString("time_zone"),
        RunStatus.fromWireName(r.getString("status")),
        r.getInteger("days_written"),
        r.getInteger("days_skipped"),
        r.getLong("rows_read"),
        Sql.instant(r, "started_at"),
        Sql.instant(r, "finished_at"),
        r.getString("error"),
        r.getString("owner"));
  }

  /** Errors are one line for operators; a runaway message must not bloat the table. */
  private static String truncate(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 2000) + "...";
  }
}
