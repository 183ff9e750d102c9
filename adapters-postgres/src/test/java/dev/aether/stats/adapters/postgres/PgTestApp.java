package dev.aether.stats.adapters.postgres;

import dev.aether.stats.changelog.PostgresUrl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;

/** Vert.x and the PostgreSQL adapters on a test database; closed in order by {@link #close()}. */
final class PgTestApp implements AutoCloseable {
  final Vertx vertx;
  final PostgresAdapters adapters;

  PgTestApp(PostgresUrl url) {
    this(url, 8);
  }

  PgTestApp(PostgresUrl url, int poolSize) {
    vertx = Vertx.vertx();
    adapters = PostgresAdapters.open(vertx,
        new PgPools.Settings(url.host(), url.port(), url.database(), url.user(), url.password(), poolSize));
  }

  /** Waits for a port's answer (tests run on plain threads, where blocking is fine). */
  static <T> T await(CompletionStage<T> stage) {
    return Future.fromCompletionStage(stage).await();
  }

  @Override
  public void close() {
    await(adapters.close());
    vertx.close().await();
  }
}
