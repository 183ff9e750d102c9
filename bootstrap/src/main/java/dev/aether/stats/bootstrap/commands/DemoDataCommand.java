package dev.aether.stats.bootstrap.commands;

import dev.aether.stats.adapters.postgres.DemoTraffic;
import dev.aether.stats.bootstrap.cli.Command;
import dev.aether.stats.bootstrap.config.StatsConfig;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * {@code demo-data}: deterministic synthetic gateway traffic, generated inside PostgreSQL. Refuses (exit 2,
 * nothing inserted) a database whose usage table holds rows it did not generate, unless --force: synthetic
 * rows mixed into a gateway's real traffic would corrupt its statistics for good.
 */
final class DemoDataCommand {
  private DemoDataCommand() {}

  /** What the fill inserted; null when foreign rows made it refuse. */
  private record Outcome(DemoTraffic.Filled filled) {}

  static void run(StatsConfig config, Command.DemoData d, PrintStream out) throws CommandFailure {
    long t0 = System.nanoTime();
    Instant end = Instant.now();
    Outcome o = AppSession.run(config, true, app -> app.demoTraffic().hasForeignUsageRows().thenCompose(foreign ->
        foreign && !d.force()
            ? CompletableFuture.completedFuture(new Outcome(null))
            : app.demoTraffic().fill(d.days(), d.rowsPerDay(), d.users(), d.seed(), end).thenApply(Outcome::new)));
    if (o.filled() == null) {
      throw CommandFailure.refused("demo-data: usage already holds rows that demo-data did not generate (a gateway's"
          + " real traffic?); nothing inserted. Use a database of its own, or --force to add synthetic rows anyway",
          null);
    }
    DemoTraffic.Filled f = o.filled();
    double s = (System.nanoTime() - t0) / 1e9;
    out.printf("demo-data: %,d users, %,d API keys, %,d usage rows, %,d request attempts inserted in %.1f s"
        + " (seed %d, ending %s)%n", f.users(), f.apiKeys(), f.usage(), f.candidates(), s, d.seed(), end);
  }
}
