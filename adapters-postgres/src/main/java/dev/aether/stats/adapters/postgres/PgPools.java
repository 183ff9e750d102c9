package dev.aether.stats.adapters.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;

/** Builds the service's connection pool. Bounded waits everywhere: a dead database must not hang callers. */
public final class PgPools {
  /**
   * Every session's statement_timeout: a bit above the HTTP layer's database timeout (10 s), so a query
   * whose request has been answered 503 stops using the database too. The long statements (a batch of
   * days, a demo fill) raise it for their own transaction ({@link #LONG_STATEMENT_TIMEOUT}).
   */
  public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(15);
  /** statement_timeout of one materialization batch or demo fill (SET LOCAL in its transaction). */
  static final String LONG_STATEMENT_TIMEOUT = "30min";

  private PgPools() {}

  /** Connection settings; the password is only handed to the driver, and never shown by {@link #toString()}. */
  public record Settings(String host, int port, String database, String user, String password, int maxSize,
      Duration statementTimeout) {
    public Settings(String host, int port, String database, String user, String password, int maxSize) {
      this(host, port, database, user, password, maxSize, DEFAULT_STATEMENT_TIMEOUT);
    }

    @Override
    public String toString() {
      return "Settings[" + user + (password == null ? "" : ":***") + "@" + host + ":" + port + "/" + database
          + ", maxSize=" + maxSize + ", statementTimeout=" + statementTimeout + "]";
    }
  }

  public static Pool create(Vertx vertx, Settings s) {
    PoolOptions pool = new PoolOptions()
        .setMaxSize(s.maxSize())
        .setName("aether-stats")
        // a request waits at most this long for a connection, then fails (HTTP answers 503)
        .setConnectionTimeout(5)
        .setConnectionTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS)
        .setMaxWaitQueueSize(1_000)
        // connections left idle are closed; a restarted server's dead sockets are not reused forever
        .setIdleTimeout(60)
        .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS);
    // TCP connect and idle limits: a server that is gone must make callers fail, not wait
    NetClientOptions net = new NetClientOptions().setConnectTimeout(5_000).setTcpKeepAlive(true);
    return PgBuilder.pool().with(pool).with(net).connectingTo(connect(s, "aether-stats")).using(vertx).build();
  }

  /**
   * A connection of its own, outside the pool, for a session-level advisory lock: closing it ends the
   * session, and PostgreSQL releases the lock with it, whether or not the unlock statement succeeded. A
   * pooled connection would go back to the pool still holding the lock after a failed unlock.
   */
  static Future<SqlConnection> dedicated(Vertx vertx, Settings s) {
    return PgConnection.connect(vertx, connect(s, "aether-stats lease")).map(c -> (SqlConnection) c);
  }

  /**
   * Raises statement_timeout to {@link #LONG_STATEMENT_TIMEOUT} for the rest of the connection's current
   * transaction only (set_config(..., true) is SET LOCAL): call first inside {@code withTransaction}.
   */
  static Future<Void> longStatements(SqlConnection conn) {
    return conn.preparedQuery("SELECT set_config('statement_timeout', $1, true)")
        .execute(io.vertx.sqlclient.Tuple.of(LONG_STATEMENT_TIMEOUT))
        .mapEmpty();
  }

  private static PgConnectOptions connect(Settings s, String applicationName) {
    PgConnectOptions connect = new PgConnectOptions()
        .setHost(s.host())
        .setPort(s.port())
        .setDatabase(s.database())
        .setUser(s.user())
        .setReconnectAttempts(0)
        // the live reads' window statements stay prepared on each connection (see HourBuckets.isWindowStatement)
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheSqlFilter(HourBuckets::isWindowStatement)
        .addProperty("application_name", applicationName)
        // a startup parameter: the session default of every statement on this connection
        .addProperty("statement_timeout", Long.toString(s.statementTimeout().toMillis()));
    if (s.password() != null) {
      connect.setPassword(s.password());
    }
    return connect;
  }
}
