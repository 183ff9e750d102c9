package dev.aether.stats.bootstrap.commands;

import dev.aether.stats.adapters.postgres.DemoTraffic;
import dev.aether.stats.bootstrap.config.StatsConfig;
import java.io.PrintStream;
import java.time.Instant;

/** {@code demo-data}: deterministic synthetic gateway traffic, generated inside PostgreSQL. */
final class DemoDataCommand {
  private DemoDataCommand() {}

  static void run(StatsConfig config, int days, int rowsPerDay, int users, long seed, PrintStream out)
      throws CommandFailure {
    long t0 = System.nanoTime();
    Instant end = Instant.now();
    DemoTraffic.Filled f = AppSession.run(config, app -> app.demoTraffic().fill(days, rowsPerDay, users, seed, end));
    double s = (System.nanoTime() - t0) / 1e9;
    out.printf("demo-data: %,d users, %,d API keys, %,d usage rows, %,d request attempts inserted in %.1f s"
        + " (seed %d, ending %s)%n", f.users(), f.apiKeys(), f.usage(), f.candidates(), s, seed, end);
  }
}
