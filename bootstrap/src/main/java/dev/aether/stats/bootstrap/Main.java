package dev.aether.stats.bootstrap;

import dev.aether.stats.bootstrap.cli.Command;
import dev.aether.stats.bootstrap.cli.CommandLine;
import dev.aether.stats.bootstrap.cli.UsageException;
import dev.aether.stats.bootstrap.commands.CommandFailure;
import dev.aether.stats.bootstrap.commands.Commands;
import dev.aether.stats.bootstrap.config.ConfigException;
import dev.aether.stats.bootstrap.config.EnvironmentConfig;
import dev.aether.stats.bootstrap.config.StatsConfig;
import java.io.PrintStream;
import java.util.Map;

/**
 * Entry point: parse, configure, run one command; exit 0 success, 2 bad usage or configuration or a database
 * the command refuses (nothing changed), 1 failure.
 */
public final class Main {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    Logging.configure();
    int code = run(args, System.getenv(), System.out, System.err);
    if (code != OK || !(parsesAsServe(args))) {
      System.exit(code);
    }
  }

  /** serve returns once the server is up; the JVM then lives until SIGTERM. */
  private static boolean parsesAsServe(String[] args) {
    try {
      return CommandLine.parse(args) instanceof Command.Serve;
    } catch (UsageException e) {
      return false;
    }
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Command command;
    try {
      command = CommandLine.parse(args);
    } catch (UsageException e) {
      err.println("aether-stats: " + e.getMessage());
      return USAGE;
    }
    if (command instanceof Command.Help help) {
      out.print(help.text());
      return OK;
    }
    StatsConfig config;
    try {
      config = EnvironmentConfig.load(env);
    } catch (ConfigException e) {
      err.println("aether-stats: bad configuration: " + e.getMessage());
      return USAGE;
    }
    try {
      Commands.run(command, config, out, err);
      return OK;
    } catch (UsageException e) {
      err.println("aether-stats: " + e.getMessage());
      return USAGE;
    } catch (CommandFailure e) {
      err.println("aether-stats: " + e.getMessage());
      return e.refused() ? USAGE : FAILURE;
    } catch (RuntimeException e) {
      // a bug: say what it is in one line; the stack trace goes to the log, not to the operator's terminal
      java.util.logging.Logger.getLogger(Main.class.getName()).log(java.util.logging.Level.FINE, "unexpected failure", e);
      err.println("aether-stats: unexpected failure: " + e);
      return FAILURE;
    }
  }
}
