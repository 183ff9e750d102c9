package dev.aether.stats.bootstrap.commands;

import dev.aether.stats.adapters.postgres.DemoTraffic;
import io.vertx.core.Future;
import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * serve --demo's fill: one stats_demo_fill call per day (each a window of one day ending at its own end
 * instant, so ids never collide), which lets it show progress between the calls: rows so far, percentage,
 * time left. Days carry a weekly rhythm (quieter weekends) and a small deterministic wobble, so the charts
 * look like traffic rather than a flat line.
 */
final class DemoFill {
  private final DemoTraffic traffic;
  private final PrintStream progress;
  private final boolean terminal;

  DemoFill(DemoTraffic traffic, PrintStream progress, boolean terminal) {
    this.traffic = traffic;
    this.progress = progress;
    this.terminal = terminal;
  }

  /** Rows of day {@code d} (0 = oldest) of a fill whose last day ends at {@code end}. */
  static int rowsOfDay(int rowsPerDay, int days, int d, long seed, Instant end) {
    DayOfWeek weekday = end.minus(Duration.ofDays(days - d)).atOffset(ZoneOffset.UTC).getDayOfWeek();
    double weekly = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY ? 0.6 : 1.0;
    double wobble = 1 + 0.12 * Math.sin(d * 1.9 + seed);
    return (int) Math.round(rowsPerDay * weekly * wobble);
  }

  DemoTraffic.Filled fill(int days, int rowsPerDay, int users, long seed, Instant end) {
    long planned = 0;
    for (int d = 0; d < days; d++) {
      planned += rowsOfDay(rowsPerDay, days, d, seed, end);
    }
    long t0 = System.nanoTime();
    long usersAdded = 0;
    long keys = 0;
    long usage = 0;
    long candidates = 0;
    for (int d = 0; d < days; d++) {
      Instant dayEnd = end.minus(Duration.ofDays(days - 1 - d));
      DemoTraffic.Filled f = Future.fromCompletionStage(
          traffic.fill(1, rowsOfDay(rowsPerDay, days, d, seed, end), users, seed, dayEnd)).await();
      usersAdded += f.users();
      keys += f.apiKeys();
      usage += f.usage();
      candidates += f.candidates();
      report(usage, planned, (System.nanoTime() - t0) / 1e9, d == days - 1 || terminal || (d + 1) % 5 == 0);
    }
    if (terminal) {
      progress.println();
    }
    progress.flush();
    return new DemoTraffic.Filled(usersAdded, keys, usage, candidates);
  }

  private void report(long rows, long planned, double seconds, boolean now) {
    if (!now) {
      return;
    }
    double share = planned == 0 ? 1 : (double) rows / planned;
    long left = share <= 0 ? 0 : Math.round(seconds / share - seconds);
    String line = String.format("serve --demo: filling demo data: %,d of %,d rows (%d%%), about %d s left",
        rows, planned, Math.round(share * 100), left);
    if (terminal) {
      progress.print("\r" + line + "   ");
    } else {
      progress.println(line);
    }
    progress.flush();
  }
}
