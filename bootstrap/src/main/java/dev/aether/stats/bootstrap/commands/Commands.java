package dev.aether.stats.bootstrap.commands;

import dev.aether.stats.bootstrap.cli.Command;
import dev.aether.stats.bootstrap.cli.UsageException;
import dev.aether.stats.bootstrap.config.StatsConfig;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;

/** Dispatches a parsed command to the class that runs it. */
public final class Commands {
  private Commands() {}

  /** {@code out} gets the command's results; {@code err} what only the operator's terminal may see (a secret). */
  public static void run(Command command, StatsConfig config, PrintStream out, PrintStream err)
      throws CommandFailure, UsageException {
    if (command instanceof Command.Serve serve) {
      ServeCommand.RunningService service = ServeCommand.start(config, serve.demo(), out, err);
      // SIGTERM (and Ctrl-C) stop it in order; the JVM lives on Vert.x's threads until then
      Runtime.getRuntime().addShutdownHook(new Thread(service::stop, "aether-stats-shutdown"));
    } else if (command instanceof Command.Migrate) {
      MigrateCommand.run(config, out);
    } else if (command instanceof Command.Rollup r) {
      LocalDate today = new BusinessCalendar(config.timeZone(), Clock.systemUTC()).today();
      if (r.to().isAfter(today)) {
        throw new UsageException("rollup: --to " + r.to() + " is after today (" + today + " in " + config.timeZone()
            + "); future days have no usage yet");
      }
      RollupCommand.rollup(config, r.from(), r.to(), out);
    } else if (command instanceof Command.Backfill b) {
      RollupCommand.backfill(config, b.days(), out);
    } else if (command instanceof Command.DemoData d) {
      DemoDataCommand.run(config, d, out);
    } else {
      throw new IllegalStateException("no runner for " + command);
    }
  }
}
