package dev.aether.stats.adapters.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calls a use case from a handler: on the request's Vert.x context, with a time bound (a request never
 * waits forever for a database that does not answer), and answers with its JSON view or fails the
 * routing context, whose failure handler turns the cause into an error answer.
 */
final class UseCaseCalls {
  private final Duration timeout;

  UseCaseCalls(Duration timeout) {
    this.timeout = timeout;
  }

  Duration timeout() {
    return timeout;
  }

  /** The use case's stage as a bounded Future; a use case that throws or returns null fails it. */
  <T> Future<T> call(RoutingContext ctx, Supplier<? extends CompletionStage<T>> useCase) {
    CompletionStage<T> stage;
    try {
      stage = useCase.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (stage == null) {
      return Future.failedFuture(new IllegalStateException("a use case returned no stage"));
    }
    return Future.fromCompletionStage(stage, ctx.vertx().getOrCreateContext())
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Calls, renders the result with {@code view} and answers {@code status}; any failure goes to the failure handler. */
  <T> void respond(RoutingContext ctx, int status, Supplier<? extends CompletionStage<T>> useCase,
      Function<T, Object> view) {
    call(ctx, useCase).map(view).onComplete(ar -> {
      if (ar.succeeded()) {
        Responses.json(ctx, status, ar.result());
      } else {
        fail(ctx, ar.cause());
      }
    });
  }

  /** Fails the request unless it has been answered already (a late failure has no one to tell). */
  static void fail(RoutingContext ctx, Throwable cause) {
    if (Responses.writable(ctx.response()) && !ctx.failed()) {
      ctx.fail(cause);
    }
  }
}
