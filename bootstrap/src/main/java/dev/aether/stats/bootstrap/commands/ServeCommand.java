package dev.aether.stats.bootstrap.commands;

import dev.aether.stats.adapters.http.AdminHttpServer;
import dev.aether.stats.bootstrap.config.StatsConfig;
import dev.aether.stats.bootstrap.db.RunningDatabase;
import dev.aether.stats.bootstrap.timer.RollupTimer;
import dev.aether.stats.bootstrap.wiring.DaggerStatsComponent;
import dev.aether.stats.bootstrap.wiring.StatsComponent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Clock;

/**
 * {@code serve}: migrate, serve HTTP, keep the rollup current. {@link #start} returns once the server
 * listens; {@link RunningService#stop()} (run by the SIGTERM hook) stops accepting, closes the pool,
 * closes Vert.x and stops an embedded database, in that order.
 */
public final class ServeCommand {

  private ServeCommand() {}

  /** A started service. */
  public static final class RunningService {
    private final AdminHttpServer server;
    private final StatsComponent app;
    private final Vertx vertx;
    private final RunningDatabase db;
    private final RollupTimer timer;
    private boolean stopped;

    private RunningService(AdminHttpServer server, StatsComponent app, Vertx vertx, RunningDatabase db,
        RollupTimer timer) {
      this.server = server;
      this.app = app;
      this.vertx = vertx;
      this.db = db;
      this.timer = timer;
    }

    public StatsComponent app() {
      return app;
    }

    public RollupTimer timer() {
      return timer;
    }

    public int port() {
      return server.port();
    }

    public synchronized void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      // plain stderr: java.util.logging resets itself in its own shutdown hook, so SIGTERM-time log records
      // may never be written
      System.err.println("aether-stats: stopping (closing HTTP, pool, Vert.x, database)");
      try {
        // let a tick in progress end (bounded) before its pool goes away
        Future.fromCompletionStage(timer.stop()).timeout(30, java.util.concurrent.TimeUnit.SECONDS).await();
      } catch (RuntimeException e) {
        System.err.println("aether-stats: a rollup tick was still running at shutdown: " + e.getMessage());
      }
      try {
        Future.fromCompletionStage(server.close()).await();
        // one after the other: the composed form hangs (see STACK_NOTES)
        Future.fromCompletionStage(app.postgres().close()).await();
        vertx.close().await();
        db.close();
        System.err.println("aether-stats: stopped");
      } catch (Exception e) {
        System.err.println("aether-stats: shutdown incomplete: " + e.getMessage());
      }
    }
  }

  public static RunningService start(StatsConfig config, boolean demo, PrintStream out) throws CommandFailure {
    long t0 = System.nanoTime();
    RunningDatabase db = MigrateCommand.open(config);
    Vertx vertx = null;
    try {
      MigrateCommand.migrate(db.url());
      vertx = Vertx.vertx();
      StatsComponent app = DaggerStatsComponent.factory().create(config, vertx, Clock.systemUTC(), db.url());
      if (demo) {
        fillDemoData(app, out);
      }
      AdminHttpServer server = Future.fromCompletionStage(
          AdminHttpServer.start(vertx, config.httpHost(), config.httpPort(), app.adminApi())).await();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      out.println("aether-stats serving on http://" + config.httpHost() + ":" + server.port()
          + " (database: " + db.description() + "; time zone " + config.timeZone() + "; started in " + ms + " ms)");
      out.flush();
      if (app.adminToken().generated()) {
        // printed once, to the terminal only; set STATS_ADMIN_TOKEN to keep one across restarts
        out.println("admin token (STATS_ADMIN_TOKEN unset, generated for this run): " + app.adminToken().value());
        out.flush();
      }
      RollupTimer timer = new RollupTimer(vertx, app.rollupTick(), config.rollupInterval(), new TickMetrics(app));
      timer.start();
      return new RunningService(server, app, vertx, db, timer);
    } catch (CommandFailure e) {
      closeQuietly(vertx, db);
      throw e;
    } catch (RuntimeException e) {
      closeQuietly(vertx, db);
      throw new CommandFailure("cannot start: " + rootMessage(e), e);
    }
  }

  /** serve --demo: 30 days of synthetic traffic, only into an empty usage table. */
  private static void fillDemoData(StatsComponent app, PrintStream out) {
    boolean empty = Future.fromCompletionStage(app.demoTraffic().usageIsEmpty()).await();
    if (!empty) {
      out.println("serve --demo: usage already has rows; no demo data added");
      return;
    }
    var f = Future.fromCompletionStage(app.demoTraffic().fill(DEMO_DAYS, DEMO_ROWS_PER_DAY, DEMO_USERS, 42,
        java.time.Instant.now())).await();
    out.printf("serve --demo: added %,d days of synthetic traffic: %,d usage rows, %,d users%n", DEMO_DAYS, f.usage(),
        f.users());
  }

  static final int DEMO_DAYS = 30;
  static final int DEMO_ROWS_PER_DAY = 10_000;
  static final int DEMO_USERS = 300;

  private static void closeQuietly(Vertx vertx, RunningDatabase db) {
    try {
      if (vertx != null) {
        vertx.close().await();
      }
      db.close();
    } catch (Exception ignored) {
      // already failing; the original cause is what the operator needs
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
