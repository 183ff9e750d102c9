package dev.aether.stats.changelog;

/** The schema could not be brought up to date; the message says why in one line (see the subclass for a refusal). */
public class MigrationException extends Exception {
  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
