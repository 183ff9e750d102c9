package dev.aether.stats.domain.usecase;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Small CompletionStage helpers shared by the use cases. */
final class Stages {
  private Stages() {}

  /**
   * Calls a port so that a port which throws instead of returning a failed stage (or returns null) still
   * yields a failed stage: the use cases then have one failure path, which records the run as FAILED.
   */
  static <T> CompletionStage<T> call(Supplier<? extends CompletionStage<T>> portCall) {
    try {
      CompletionStage<T> stage = portCall.get();
      return stage != null ? stage : failed(new NullPointerException("a port returned a null stage"));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  static <T> CompletionStage<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  static <T> CompletionStage<T> failed(Throwable cause) {
    return CompletableFuture.failedFuture(cause);
  }

  /** The failure a caller cares about, without the wrappers that stage chaining adds. */
  static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
      cur = cur.getCause();
    }
    return cur;
  }

  /** A one-line reason for the run log: the message, or the exception's class when it has none. */
  static String messageOf(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getName() : message;
  }
}
