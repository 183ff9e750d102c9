package dev.aether.stats.domain.port;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A cross-process try-lock: at most one instance works on a tick at a time; the others skip it. The
 * lease ends when released, or when the holder's process or database session dies.
 */
public interface TickLease {
  CompletionStage<Optional<Held>> tryAcquire();

  interface Held {
    CompletionStage<Void> release();
  }
}
