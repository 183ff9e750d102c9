package dev.aether.stats.adapters.postgres;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Builds the service's connection pool. Bounded waits everywhere: a dead database must not hang callers. */
public final class PgPools {
  private PgPools() {}

  /** Connection settings; the password is only handed to the driver. */
  public record Settings(String host, int port, String database, String user, String password, int maxSize) {}

  public static Pool create(Vertx vertx, Settings s) {
    PgConnectOptions connect = new PgConnectOptions()
        .setHost(s.host())
        .setPort(s.port())
        .setDatabase(s.database())
        .setUser(s.user())
        .setReconnectAttempts(0)
        .addProperty("application_name", "aether-stats");
    if (s.password() != null) {
      connect.setPassword(s.password());
    }
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
    return PgBuilder.pool().with(pool).with(net).connectingTo(connect).using(vertx).build();
  }
}
