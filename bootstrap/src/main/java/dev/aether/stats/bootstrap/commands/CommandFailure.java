package dev.aether.stats.bootstrap.commands;

/** A command could not do its work (exit code 1); the message is one line for the operator. */
public final class CommandFailure extends Exception {
  public CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }

  public CommandFailure(String message) {
    super(message);
  }
}
