package dev.aether.stats.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  @Test
  void noArgumentsMeansServe() throws Exception {
    assertEquals(new Command.Serve(false), CommandLine.parse(new String[0]));
    assertEquals(new Command.Serve(true), CommandLine.parse(new String[] {"serve", "--demo"}));
  }

  @Test
  void parsesEveryCommand() throws Exception {
    assertEquals(new Command.Migrate(), CommandLine.parse(new String[] {"migrate"}));
    assertEquals(new Command.Rollup(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)),
        CommandLine.parse(new String[] {"rollup", "--from", "2026-01-01", "--to=2026-01-31"}));
    assertEquals(new Command.Backfill(java.util.OptionalInt.empty()), CommandLine.parse(new String[] {"backfill"}));
    assertEquals(new Command.Backfill(java.util.OptionalInt.of(30)), CommandLine.parse(new String[] {"backfill", "--days", "30"}));
    assertEquals(new Command.DemoData(90, 50000, 1000, 42, false),
        CommandLine.parse(new String[] {"demo-data", "--days", "90", "--rows-per-day", "50000", "--users", "1000"}));
    assertEquals(new Command.DemoData(1, 2, 3, -7, false),
        CommandLine.parse(new String[] {"demo-data", "--days", "1", "--rows-per-day", "2", "--users", "3", "--seed", "-7"}));
    assertEquals(new Command.DemoData(1, 2, 3, 42, true),
        CommandLine.parse(new String[] {"demo-data", "--days", "1", "--rows-per-day", "2", "--users", "3", "--force"}));
  }

  @Test
  void helpOnEveryCommand() throws Exception {
    for (String c : new String[] {"serve", "migrate", "rollup", "backfill", "demo-data"}) {
      Command.Help h = assertInstanceOf(Command.Help.class, CommandLine.parse(new String[] {c, "--help"}));
      assertTrue(h.text().startsWith("Usage: " + c), h.text());
    }
    assertInstanceOf(Command.Help.class, CommandLine.parse(new String[] {"--help"}));
  }

  @Test
  void badUsageSaysWhatIsWrong() {
    assertMessage("unknown command 'rolup'", "rolup");
    assertMessage("rollup: --from is required", "rollup", "--to", "2026-01-01");
    assertMessage("rollup: --from '2026-02-30' is not a date YYYY-MM-DD", "rollup", "--from", "2026-02-30", "--to", "2026-03-01");
    assertMessage("rollup: --to 2026-01-01 is before --from 2026-01-02", "rollup", "--from", "2026-01-02", "--to", "2026-01-01");
    assertMessage("backfill: --days 0 is out of range 1..3650", "backfill", "--days", "0");
    assertMessage("backfill: --days 'x' is not a whole number", "backfill", "--days", "x");
    assertMessage("backfill: --days needs a value", "backfill", "--days");
    assertMessage("migrate: unknown option '--force'", "migrate", "--force");
    assertMessage("rollup: --from given twice", "rollup", "--from", "2026-01-01", "--from", "2026-01-02", "--to", "2026-01-03");
    assertMessage("demo-data: --users is required", "demo-data", "--days", "1", "--rows-per-day", "1");
  }

  private static void assertMessage(String expected, String... args) {
    UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(args));
    assertTrue(e.getMessage().startsWith(expected), "got: " + e.getMessage());
  }
}
