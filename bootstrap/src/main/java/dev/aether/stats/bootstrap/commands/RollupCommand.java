package dev.aether.stats.bootstrap.commands;

import dev.aether.stats.bootstrap.config.StatsConfig;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.usecase.RollupResult;
import java.io.PrintStream;
import java.time.LocalDate;

/** {@code rollup --from --to} and {@code backfill [--days N]}. */
final class RollupCommand {
  private RollupCommand() {}

  static void rollup(StatsConfig config, LocalDate from, LocalDate to, PrintStream out) throws CommandFailure {
    ProgressPrinter progress = new ProgressPrinter(out, "rollup");
    long t0 = System.nanoTime();
    RollupResult r = AppSession.run(config,
        app -> app.rollupService().rollup(new DayRange(from, to), RunKind.ROLLUP, progress));
    progress.done(r, (System.nanoTime() - t0) / 1_000_000);
  }

  static void backfill(StatsConfig config, java.util.OptionalInt days, PrintStream out) throws CommandFailure {
    ProgressPrinter progress = new ProgressPrinter(out, "backfill");
    long t0 = System.nanoTime();
    RollupResult r = AppSession.run(config, app -> app.rollupService().backfill(days, progress));
    progress.done(r, (System.nanoTime() - t0) / 1_000_000);
  }
}
