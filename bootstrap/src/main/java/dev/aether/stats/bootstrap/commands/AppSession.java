package dev.aether.stats.bootstrap.commands;

import dev.aether.stats.bootstrap.config.StatsConfig;
import dev.aether.stats.bootstrap.db.RunningDatabase;
import dev.aether.stats.bootstrap.wiring.DaggerStatsComponent;
import dev.aether.stats.bootstrap.wiring.StatsComponent;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The life of a one-shot command: open the database, migrate it, build the object graph, run one piece
 * of work, close everything in order (pool, Vert.x, embedded database), whatever happened.
 */
final class AppSession {
  private AppSession() {}

  static <T> T run(StatsConfig config, Function<StatsComponent, CompletionStage<T>> work) throws CommandFailure {
    return run(config, false, work);
  }

  /** With {@code demo}, the demo changelog (stats_demo_fill) is applied after the schema. */
  static <T> T run(StatsConfig config, boolean demo, Function<StatsComponent, CompletionStage<T>> work)
      throws CommandFailure {
    RunningDatabase db = MigrateCommand.open(config);
    Vertx vertx = null;
    StatsComponent app = null;
    try {
      MigrateCommand.migrate(db.url());
      if (demo) {
        MigrateCommand.migrateDemo(db.url());
      }
      vertx = Vertx.vertx();
      // a one-shot command serves no /metrics: an empty registry, no JVM or Vert.x meters
      app = DaggerStatsComponent.factory().create(config, vertx, Clock.systemUTC(), db.url(),
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
      StatsComponent component = app;
      return Future.fromCompletionStage(work.apply(component)).await();
    } catch (CommandFailure e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new CommandFailure(ServeCommand.rootMessage(unwrap(e)), e);
    } finally {
      close(app, vertx, db);
    }
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  private static void close(StatsComponent app, Vertx vertx, RunningDatabase db) {
    try {
      if (app != null) {
        Future.fromCompletionStage(app.postgres().close()).await();
      }
      if (vertx != null) {
        vertx.close().await();
      }
      db.close();
    } catch (Exception ignored) {
      // the command's own outcome is what the operator needs
    }
  }
}
