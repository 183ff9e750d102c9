package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.api.InvalidRequestException;
import dev.aether.stats.domain.api.RunAlreadyRunningException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Turns the failure of a use case (or of a handler) into what the caller is told. The HTTP module knows
 * nothing of SQL, so "the database is unavailable" is recognized by shape: timeouts, I/O errors,
 * connection and pool errors, and SQL states of the connection (08), resources (53) and operator (57P)
 * classes, read by reflection from any exception that has {@code getSqlState()}.
 */
final class Failures {
  private static final int MAX_CHAIN = 16;

  private Failures() {}

  static ApiError classify(Throwable failure, Duration timeout) {
    Throwable cause = unwrap(failure);
    if (cause instanceof ApiError error) {
      return error;
    }
    if (cause instanceof TimeoutException) {
      return ApiError.databaseUnavailable(
          "the database did not answer within " + timeout.toMillis() + " ms; try again later");
    }
    if (isUnavailable(cause)) {
      return ApiError.databaseUnavailable("the database is unavailable; try again later");
    }
    if (cause instanceof InvalidRequestException) {
      // Only the domain's own "the input is bad" is the caller's fault (e.g. a rollup ending after today);
      // any other exception, an IllegalArgumentException from a corrupt row included, is ours: 500. The
      // messages are written for people, but not guaranteed, nor short.
      return ApiError.badRequest(oneLine(cause.getMessage(), "invalid request"));
    }
    if (cause instanceof RunAlreadyRunningException running) {
      return ApiError.conflict(running.getMessage());
    }
    return ApiError.internal();
  }

  static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    for (int i = 0; i < MAX_CHAIN && (cur instanceof CompletionException || cur instanceof ExecutionException)
        && cur.getCause() != null; i++) {
      cur = cur.getCause();
    }
    return cur;
  }

  private static boolean isUnavailable(Throwable t) {
    Throwable cur = t;
    for (int i = 0; i < MAX_CHAIN && cur != null; i++, cur = cur.getCause()) {
      if (cur instanceof TimeoutException || cur instanceof IOException) {
        return true;
      }
      String name = cur.getClass().getSimpleName();
      if (name.contains("Connect") || name.contains("Closed") || name.contains("Timeout")
          || name.contains("TooBusy") || name.contains("Unavailable")) {
        return true;
      }
      String message = cur.getMessage() == null ? "" : cur.getMessage().toLowerCase(Locale.ROOT);
      if (name.equals("VertxException") && (message.contains("connection") || message.contains("closed"))) {
        return true;
      }
      String state = sqlState(cur);
      if (state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P"))) {
        return true;
      }
      if (cur.getCause() == cur) {
        break;
      }
    }
    return false;
  }

  private static String sqlState(Throwable t) {
    try {
      Method m = t.getClass().getMethod("getSqlState");
      Object v = m.invoke(t);
      return v instanceof String s ? s : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** A message fit for a JSON answer: one line, bounded. */
  static String oneLine(String message, String fallback) {
    if (message == null || message.isBlank()) {
      return fallback;
    }
    String line = message.strip().replaceAll("\\s+", " ");
    return line.length() <= 300 ? line : line.substring(0, 300) + "...";
  }
}
