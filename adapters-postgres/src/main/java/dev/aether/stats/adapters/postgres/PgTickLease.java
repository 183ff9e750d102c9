package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.port.TickLease;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A session-level advisory try-lock held on a connection of its own (outside the pool) for the length of
 * a tick: the other instances' try fails at once and they skip the tick. Releasing closes that connection,
 * so the session ends and the lock with it even if the unlock statement failed; if this process or its
 * connection dies, PostgreSQL releases the lock with the session too, so nothing ever leaves the timer locked.
 */
final class PgTickLease implements TickLease {
  /** (namespace, key): the namespace is shared by all our advisory locks; 2 = the timer's tick. */
  static final int LOCK_NAMESPACE = 1095062867;
  static final int TICK_KEY = 2;

  private final PostgresAdapters.Leases leases;

  PgTickLease(PostgresAdapters.Leases leases) {
    this.leases = leases;
  }

  @Override
  public CompletionStage<Optional<Held>> tryAcquire() {
    return leases.open().compose(conn ->
        conn.preparedQuery("SELECT pg_try_advisory_lock($1, $2) AS got").execute(Tuple.of(LOCK_NAMESPACE, TICK_KEY))
            .map(rows -> rows.iterator().next().getBoolean("got"))
            .transform(ar -> {
              if (ar.succeeded() && Boolean.TRUE.equals(ar.result())) {
                return io.vertx.core.Future.succeededFuture(Optional.<Held>of(new PgHeld(conn)));
              }
              conn.close();
              return ar.succeeded()
                  ? io.vertx.core.Future.succeededFuture(Optional.<Held>empty())
                  : io.vertx.core.Future.failedFuture(ar.cause());
            }))
        .toCompletionStage();
  }

  private static final class PgHeld implements Held {
    private final SqlConnection conn;

    PgHeld(SqlConnection conn) {
      this.conn = conn;
    }

    @Override
    public CompletionStage<Void> release() {
      return conn.preparedQuery("SELECT pg_advisory_unlock($1, $2)").execute(Tuple.of(LOCK_NAMESPACE, TICK_KEY))
          .<Void>mapEmpty()
          .eventually(conn::close)
          .toCompletionStage();
    }
  }
}
