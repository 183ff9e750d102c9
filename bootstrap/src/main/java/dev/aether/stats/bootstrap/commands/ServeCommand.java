package dev.aether.stats.bootstrap.commands;

import dev.aether.stats.adapters.http.AdminHttpServer;
import dev.aether.stats.bootstrap.config.StatsConfig;
import dev.aether.stats.bootstrap.db.RunningDatabase;
import dev.aether.stats.bootstrap.timer.RollupTimer;
import dev.aether.stats.bootstrap.wiring.DaggerStatsComponent;
import dev.aether.stats.bootstrap.wiring.StatsComponent;
import dev.aether.stats.adapters.http.ApiMetrics;
import dev.aether.stats.bootstrap.observability.VertxMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve}: migrate, serve HTTP, keep the rollup current. {@link #start} returns once the server
 * listens; {@link RunningService#stop()} (run by the SIGTERM hook) stops accepting, closes the pool,
 * closes Vert.x and stops an embedded database, in that order.
 */
public final class ServeCommand {

  /** How long shutdown waits for a running tick before closing the pool under it. */
  static final long TICK_DRAIN_SECONDS = 30;

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
        // the running tick finishes before the pool closes (else it fails on "Pool closed"); one that takes
        // longer is abandoned: its run shows as interrupted once its lease dies with the connection
        Future.fromCompletionStage(timer.stop()).timeout(TICK_DRAIN_SECONDS, TimeUnit.SECONDS)
            .recover(e -> {
              System.err.println("aether-stats: the running rollup tick did not finish within "
                  + TICK_DRAIN_SECONDS + " s; stopping anyway");
              return Future.succeededFuture();
            }).await();
        Future.fromCompletionStage(server.close()).await();
        // one after the other: the composed form pool.close().compose(vertx.close()) hangs
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
    return start(config, demo, out, System.err, Clock.systemUTC());
  }

  /** With a fixed clock (tests); the generated token goes to stderr. */
  public static RunningService start(StatsConfig config, boolean demo, PrintStream out, Clock clock)
      throws CommandFailure {
    return start(config, demo, out, System.err, clock);
  }

  /** A generated admin token is printed to {@code err} only: stdout is often captured into logs. */
  public static RunningService start(StatsConfig config, boolean demo, PrintStream out, PrintStream err)
      throws CommandFailure {
    return start(config, demo, out, err, Clock.systemUTC());
  }

  /**
   * With the clock that decides what "today" is (business days, the summary's cutoff, live reads): the
   * system clock in production, a fixed one in tests, so that no test depends on when it runs. A generated
   * admin token is printed to {@code err} only: stdout is often captured into logs.
   */
  public static RunningService start(StatsConfig config, boolean demo, PrintStream out, PrintStream err,
      Clock clock)
      throws CommandFailure {
    long t0 = System.nanoTime();
    RunningDatabase db = MigrateCommand.open(config);
    Vertx vertx = null;
    try {
      MigrateCommand.migrate(db.url());
      // the registry first: Vert.x writes its HTTP server and pool meters into it from the start
      PrometheusMeterRegistry metrics = ApiMetrics.newRegistry();
      vertx = VertxMetrics.vertx(metrics);
      if (demo) {
        MigrateCommand.migrateDemo(db.url());
      }
      StatsComponent app = DaggerStatsComponent.factory().create(config, vertx, clock, db.url(), metrics);
      if (demo) {
        fillDemoData(app, out, clock);
      }
      AdminHttpServer server = Future.fromCompletionStage(
          AdminHttpServer.start(vertx, config.httpHost(), config.httpPort(), app.adminApi())).await();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      out.println("aether-stats serving on http://" + config.httpHost() + ":" + server.port()
          + " (database: " + db.description() + "; time zone " + config.timeZone() + "; started in " + ms + " ms)");
      out.flush();
      if (app.adminToken().generated()) {
        // printed once, to stderr only (never stdout, never a log); set STATS_ADMIN_TOKEN to keep one across restarts
        err.println("admin token (STATS_ADMIN_TOKEN unset, generated for this run): " + app.adminToken().value());
        err.flush();
      }
      if (config.dashboard()) {
        out.println("open http://" + browsable(config.httpHost()) + ":" + server.port());
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

  /** The address to type in a browser: a wildcard bind address is reached on the loopback. */
  static String browsable(String host) {
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      return "127.0.0.1";
    }
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** serve --demo: 30 days of synthetic traffic, only into an empty usage table, with progress on stderr. */
  private static void fillDemoData(StatsComponent app, PrintStream out, Clock clock) {
    boolean empty = Future.fromCompletionStage(app.demoTraffic().usageIsEmpty()).await();
    if (!empty) {
      out.println("serve --demo: usage already has rows; no demo data added");
      return;
    }
    var f = new DemoFill(app.demoTraffic(), System.err, System.console() != null)
        .fill(DEMO_DAYS, DEMO_ROWS_PER_DAY, DEMO_USERS, 42, clock.instant());
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
