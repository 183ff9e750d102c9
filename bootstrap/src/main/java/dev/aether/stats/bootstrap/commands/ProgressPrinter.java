package dev.aether.stats.bootstrap.commands;

import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.usecase.BatchProgress;
import dev.aether.stats.domain.usecase.ProgressListener;
import dev.aether.stats.domain.usecase.RollupResult;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** The command line's progress: one line per committed batch, one line at the end. */
final class ProgressPrinter implements ProgressListener {
  private final PrintStream out;
  private final String command;

  ProgressPrinter(PrintStream out, String command) {
    this.out = out;
    this.command = command;
  }

  @Override
  public void onStart(RunRecord run) {
    out.println(command + ": run " + run.id() + " started"
        + (run.range() == null ? " (nothing to materialize)" : " for " + run.range()) + " in " + run.timeZone());
  }

  @Override
  public void onBatch(BatchProgress b) {
    out.printf("%s: %s: %d day(s) written, %,d usage rows read in %.2f s%n", command, b.batch(), b.daysWritten(),
        b.rowsRead(), b.millis() / 1000.0);
    if (!b.protectedDays().isEmpty()) {
      out.println(command + ":   skipped " + days(b.protectedDays()) + ": they start before the earliest usage row"
          + " still retained, so their stored rows are history that cannot be rebuilt");
    }
    out.flush();
  }

  void done(RollupResult r, long millis) {
    RunRecord run = r.run();
    out.printf("%s: done: run %d %s, %d day(s) written, %d skipped, %,d rows read in %.2f s; summary up to %s:"
            + " %,d requests%n",
        command, run.id(), run.status().wireName(), run.daysWritten(), run.daysSkipped(), run.rowsRead(),
        millis / 1000.0, r.summary() == null ? "-" : r.summary().cutoff(),
        r.summary() == null ? 0 : r.summary().allTime().totalRequests());
    out.flush();
  }

  private static String days(List<LocalDate> days) {
    if (days.size() > 6) {
      return days.get(0) + ".." + days.get(days.size() - 1) + " (" + days.size() + " days)";
    }
    return days.stream().map(LocalDate::toString).collect(Collectors.joining(", "));
  }
}
