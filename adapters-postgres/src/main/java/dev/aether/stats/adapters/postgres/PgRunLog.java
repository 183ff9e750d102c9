package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.run.RunStatus;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * stats_rollup_runs: one row per run, written as it starts, after each batch, and as it ends.
 *
 * <p>A run that never ends (its process was killed, or lost its database session) must not show as
 * running forever. So while a run is alive, its process holds a session-level advisory lock keyed by the
 * run's id, on a connection of its own (outside the pool: closing it ends the session, so the lock never
 * outlives the run on a pooled connection), taken in the very statement that inserts the row. A RUNNING row
 * whose lock anyone can take is therefore orphaned: {@link #reapOrphans()} marks it INTERRUPTED. That
 * happens before a new run starts and whenever runs are listed.
 */
final class PgRunLog implements RunLog {
  /** Advisory lock namespace of run leases (the writers' lock is (1095062867, 1), the tick's (…, 2)). */
  static final int RUN_LOCK_NAMESPACE = 1095062868;

  private static final String REAP = "UPDATE stats_rollup_runs SET status = 'interrupted', finished_at = now(),"
      + " error = 'interrupted: the process running it stopped (killed, crashed or lost its database session)"
      + " before it finished' WHERE id IN (SELECT id FROM stats_rollup_runs WHERE status = 'running'"
      + " AND pg_try_advisory_xact_lock($1, id::int))";

  private final java.util.Map<Long, SqlConnection> leases = new java.util.concurrent.ConcurrentHashMap<>();
  private static final String COLUMNS = "id, kind, first_day, last_day, time_zone, status, days_written,"
      + " days_skipped, rows_read, started_at, finished_at, error, owner";

  private final Pool pool;
  private final PostgresAdapters.Leases leaseConnections;
  private final String owner;

  PgRunLog(Pool pool, PostgresAdapters.Leases leaseConnections, String owner) {
    this.pool = pool;
    this.leaseConnections = leaseConnections;
    this.owner = owner;
  }

  @Override
  public CompletionStage<RunRecord> start(RunKind kind, DayRange range, String timeZone) {
    Tuple values = Tuple.of(kind.wireName(), range == null ? null : range.first(), range == null ? null : range.last(),
        timeZone, owner, RUN_LOCK_NAMESPACE);
    return reapOrphans().compose(v -> leaseConnections.open()).compose(conn ->
        // one statement: the row becomes visible (at commit) only once its lease is held
        conn.preparedQuery("WITH r AS (INSERT INTO stats_rollup_runs (kind, first_day, last_day, time_zone, status,"
                + " owner) VALUES ($1, $2, $3, $4, 'running', $5) RETURNING " + COLUMNS + ")"
                + " SELECT r.*, pg_advisory_lock($6, r.id::int) FROM r")
            .execute(values)
            .map(rows -> {
              RunRecord run = record(rows.iterator().next());
              leases.put(run.id(), conn);
              return run;
            })
            .onFailure(e -> conn.close()))
        .toCompletionStage();
  }

  /** Marks RUNNING rows whose process no longer holds their lease as INTERRUPTED. */
  io.vertx.core.Future<Void> reapOrphans() {
    return pool.preparedQuery(REAP).execute(Tuple.of(RUN_LOCK_NAMESPACE)).mapEmpty();
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
        .eventually(() -> releaseLease(runId))
        .toCompletionStage();
  }

  /** Unlocks, then closes the lease's own connection: the session ends, so the lock goes even if the unlock failed. */
  private io.vertx.core.Future<Void> releaseLease(long runId) {
    SqlConnection conn = leases.remove(runId);
    if (conn == null) {
      return io.vertx.core.Future.succeededFuture();
    }
    // the key is the id as int, as it was locked (r.id::int); a Long would not bind to the int parameter
    return conn.preparedQuery("SELECT pg_advisory_unlock($1, $2)").execute(Tuple.of(RUN_LOCK_NAMESPACE, (int) runId))
        .<Void>mapEmpty()
        .eventually(conn::close)
        .recover(e -> io.vertx.core.Future.succeededFuture());
  }

  @Override
  public CompletionStage<Optional<RunRecord>> find(long runId) {
    return reapOrphans().compose(v -> pool.preparedQuery("SELECT " + COLUMNS + " FROM stats_rollup_runs WHERE id = $1")
        .execute(Tuple.of(runId)))
        .map(rows -> rows.size() == 0 ? Optional.<RunRecord>empty() : Optional.of(record(rows.iterator().next())))
        .toCompletionStage();
  }

  @Override
  public CompletionStage<List<RunRecord>> recent(int limit) {
    return reapOrphans().compose(v -> pool.preparedQuery("SELECT " + COLUMNS
            + " FROM stats_rollup_runs ORDER BY id DESC LIMIT $1").execute(Tuple.of(limit)))
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
