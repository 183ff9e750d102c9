package dev.aether.stats.bootstrap.commands;

/**
 * A command could not do its work; the message is one line for the operator. Exit code 1, or 2 for a
 * {@link #refused refusal}: the database is not one this command may work on (an unsupported gateway
 * schema, real traffic where demo data was asked for), and nothing was changed.
 */
public final class CommandFailure extends Exception {
  private final boolean refused;

  public CommandFailure(String message, Throwable cause) {
    super(message, cause);
    this.refused = false;
  }

  public CommandFailure(String message) {
    super(message);
    this.refused = false;
  }

  private CommandFailure(String message, Throwable cause, boolean refused) {
    super(message, cause);
    this.refused = refused;
  }

  /** A refusal (exit code 2): the command changed nothing. */
  public static CommandFailure refused(String message, Throwable cause) {
    return new CommandFailure(message, cause, true);
  }

  public boolean refused() {
    return refused;
  }
}
