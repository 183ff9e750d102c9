package dev.aether.stats.domain.api;

/**
 * The caller asked for something the domain refuses (a rollup ending after today, a backfill of 0 days):
 * the input is at fault, and the message, written for people, says why. Only this failure means "bad
 * request"; any other exception from a use case is a fault of the service (or of its data), not of the
 * caller. It is an {@link IllegalArgumentException}, so code that treats bad arguments as such keeps
 * working.
 */
public class InvalidRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}
