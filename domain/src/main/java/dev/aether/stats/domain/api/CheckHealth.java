package dev.aether.stats.domain.api;

import java.util.concurrent.CompletionStage;

/** Whether the service can answer: completes when the database answers, exceptionally when it does not. */
@FunctionalInterface
public interface CheckHealth {
  CompletionStage<Void> check();
}
