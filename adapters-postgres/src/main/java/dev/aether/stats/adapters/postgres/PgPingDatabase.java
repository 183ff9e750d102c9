package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.port.PingDatabase;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.CompletionStage;

/** SELECT 1 through the pool: the health check's question. */
public final class PgPingDatabase implements PingDatabase {
  private final Pool pool;

  public PgPingDatabase(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<Void> ping() {
    return pool.query("SELECT 1").execute().<Void>mapEmpty().toCompletionStage();
  }
}
