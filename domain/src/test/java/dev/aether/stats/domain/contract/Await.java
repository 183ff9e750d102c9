package dev.aether.stats.domain.contract;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocks a test thread on a port's stage. Goes through whenComplete rather than toCompletableFuture, which
 * a CompletionStage need not support.
 */
public final class Await {
  private static final long TIMEOUT_SECONDS = 30;

  private Await() {}

  public static <T> T await(CompletionStage<T> stage) {
    CompletableFuture<T> result = new CompletableFuture<>();
    stage.whenComplete((value, error) -> {
      if (error != null) {
        result.completeExceptionally(error);
      } else {
        result.complete(value);
      }
    });
    try {
      return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new CompletionException(failure(e));
    } catch (TimeoutException e) {
      throw new AssertionError("stage did not complete within " + TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The failure of a stage expected to fail, unwrapped; an AssertionError if it succeeds. */
  public static Throwable failure(CompletionStage<?> stage) {
    try {
      Object value = await(stage);
      throw new AssertionError("expected a failure, got " + value);
    } catch (CompletionException e) {
      return e.getCause();
    }
  }

  private static Throwable failure(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
      cur = cur.getCause();
    }
    return cur;
  }
}
