package dev.aether.stats.bootstrap;

import java.util.logging.Level;
import java.util.logging.Logger;

/** One line per log record on stderr; quiet libraries. Called first thing in main. */
final class Logging {
  // keep references: java.util.logging holds loggers weakly and would forget the levels
  private static final Logger[] QUIET = {
      Logger.getLogger("liquibase"), Logger.getLogger("io.zonky"), Logger.getLogger("io.netty")};

  private Logging() {}

  static void configure() {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format",
          "%1$tFT%1$tT.%1$tLZ %4$-7s %3$s - %5$s%6$s%n");
    }
    for (Logger l : QUIET) {
      l.setLevel(Level.WARNING);
    }
  }
}
