package dev.aether.stats.bootstrap.cli;

/** The command line is wrong (exit code 2); the message is one line saying what and how to fix it. */
public final class UsageException extends Exception {
  public UsageException(String message) {
    super(message);
  }
}
