package dev.aether.stats.bootstrap.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** Parses {@code COMMAND [options]} per the contract. Unknown commands or options are usage errors. */
public final class CommandLine {
  static final String USAGE = """
      Usage: java -jar aether-stats.jar COMMAND [options]

      Commands:
        serve [--demo]                       migrate, then serve HTTP and keep the rollup current (default)
        migrate                              apply the schema changelog and exit
        rollup --from YYYY-MM-DD --to YYYY-MM-DD
                                             materialize those business days (both included) and their hours,
                                             refresh the summary
        backfill [--days N]                  materialize every closed day from the first usage day (or today - N)
                                             and their hours
        demo-data --days D --rows-per-day R --users U [--seed S] [--force]
                                             fill the source tables with deterministic synthetic traffic ending now

      Every command takes --help. Configuration comes from STATS_* environment variables (see README.md).
      Exit codes: 0 success, 2 bad usage or configuration or a refused database (nothing changed), 1 failure.
      """;

  private static final Map<String, String> HELP = Map.of(
      "serve", """
          Usage: serve [--demo]
            Applies the schema, serves the admin HTTP API on STATS_HTTP_HOST:STATS_HTTP_PORT and runs the rollup
            timer every STATS_ROLLUP_INTERVAL until SIGTERM.
            --demo   first fill EMPTY source tables with 30 days of synthetic traffic (for a first look)
          """,
      "migrate", """
          Usage: migrate
            Applies the Liquibase changelog to the database and exits. A second run changes nothing.
          """,
      "rollup", """
          Usage: rollup --from YYYY-MM-DD --to YYYY-MM-DD
            Materializes the business days from..to (both included, in STATS_TIMEZONE) into the day tables
            (stats_daily, per user, per model, the breakdowns and latency histograms) and their UTC hours into
            the hour buckets (stats_hourly...), then refreshes stats_summary. Days up to today only.
          """,
      "backfill", """
          Usage: backfill [--days N]
            Materializes every business day from the first usage day up to yesterday (with --days N, from
            max(first usage day, today - N)), and its hour buckets, deleting rows another time zone's days left
            inside them, then refreshes stats_summary. N in 1..3650; default: all history.
          """,
      "demo-data", """
          Usage: demo-data --days D --rows-per-day R --users U [--seed S] [--force]
            Inserts D days x R usage rows (with users, API keys and request attempts) of deterministic synthetic
            gateway traffic ending now. D in 1..3650, R in 1..1000000, U in 1..1000000, S any integer (default 42).
            Refuses (exit 2) a database whose usage table holds rows demo-data did not generate, unless --force.
          """);

  private CommandLine() {}

  public static Command parse(String[] args) throws UsageException {
    if (args.length == 0) {
      return new Command.Serve(false);
    }
    String name = args[0];
    if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
      return new Command.Help(USAGE);
    }
    if (!HELP.containsKey(name)) {
      throw new UsageException("unknown command '" + name + "'; expected one of serve, migrate, rollup, backfill,"
          + " demo-data (see --help)");
    }
    List<String> rest = List.of(args).subList(1, args.length);
    if (rest.contains("--help") || rest.contains("-h")) {
      return new Command.Help(HELP.get(name));
    }
    switch (name) {
      case "serve": {
        Map<String, String> o = options(name, rest, Set.of(), Set.of("--demo"));
        return new Command.Serve(o.containsKey("--demo"));
      }
      case "migrate":
        options(name, rest, Set.of(), Set.of());
        return new Command.Migrate();
      case "rollup": {
        Map<String, String> o = options(name, rest, Set.of("--from", "--to"), Set.of());
        LocalDate from = date(name, "--from", required(name, o, "--from"));
        LocalDate to = date(name, "--to", required(name, o, "--to"));
        if (to.isBefore(from)) {
          throw new UsageException("rollup: --to " + to + " is before --from " + from);
        }
        return new Command.Rollup(from, to);
      }
      case "backfill": {
        Map<String, String> o = options(name, rest, Set.of("--days"), Set.of());
        return new Command.Backfill(o.containsKey("--days")
            ? OptionalInt.of((int) number(name, "--days", o.get("--days"), 1, 3650)) : OptionalInt.empty());
      }
      default: { // demo-data
        Map<String, String> o = options(name, rest, Set.of("--days", "--rows-per-day", "--users", "--seed"),
            Set.of("--force"));
        int days = (int) number(name, "--days", required(name, o, "--days"), 1, 3650);
        int rows = (int) number(name, "--rows-per-day", required(name, o, "--rows-per-day"), 1, 1_000_000);
        int users = (int) number(name, "--users", required(name, o, "--users"), 1, 1_000_000);
        long seed = o.containsKey("--seed") ? number(name, "--seed", o.get("--seed"), Long.MIN_VALUE, Long.MAX_VALUE) : 42;
        return new Command.DemoData(days, rows, users, seed, o.containsKey("--force"));
      }
    }
  }

  /** Splits {@code --name value} pairs and flags; repeated, unknown or value-less options are errors. */
  private static Map<String, String> options(String command, List<String> args, Set<String> valued, Set<String> flags)
      throws UsageException {
    Map<String, String> out = new HashMap<>();
    List<String> list = new ArrayList<>(args);
    for (int i = 0; i < list.size(); i++) {
      String arg = list.get(i);
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        value = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      if (flags.contains(arg) && value == null) {
        out.put(arg, "");
      } else if (valued.contains(arg)) {
        if (value == null) {
          if (i + 1 >= list.size() || list.get(i + 1).startsWith("--")) {
            throw new UsageException(command + ": " + arg + " needs a value");
          }
          value = list.get(++i);
        }
        if (out.put(arg, value) != null) {
          throw new UsageException(command + ": " + arg + " given twice");
        }
      } else {
        throw new UsageException(command + ": unknown option '" + arg + "' (see " + command + " --help)");
      }
    }
    return out;
  }

  private static String required(String command, Map<String, String> o, String option) throws UsageException {
    String v = o.get(option);
    if (v == null) {
      throw new UsageException(command + ": " + option + " is required (see " + command + " --help)");
    }
    return v;
  }

  private static LocalDate date(String command, String option, String v) throws UsageException {
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new UsageException(command + ": " + option + " '" + v + "' is not a date YYYY-MM-DD");
    }
  }

  private static long number(String command, String option, String v, long min, long max) throws UsageException {
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new UsageException(command + ": " + option + " '" + v + "' is not a whole number");
    }
    if (n < min || n > max) {
      throw new UsageException(command + ": " + option + " " + n + " is out of range " + min + ".." + max);
    }
    return n;
  }
}
