package dev.aether.stats.bootstrap.cli;

import java.time.LocalDate;
import java.util.OptionalInt;

/** A parsed command line: what to do, with its validated options. */
public sealed interface Command {
  record Serve(boolean demo) implements Command {}

  record Migrate() implements Command {}

  record Rollup(LocalDate from, LocalDate to) implements Command {}

  /** {@code days}: the optional cap (absent: all history). */
  record Backfill(OptionalInt days) implements Command {}

  record DemoData(int days, int rowsPerDay, int users, long seed) implements Command {}

  /** Print this text and exit 0. */
  record Help(String text) implements Command {}
}
