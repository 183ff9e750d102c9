package dev.aether.stats.domain.fakes;

import dev.aether.stats.domain.port.TickLease;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/** A lease held by at most one holder at a time; releasing twice is harmless. */
final class InMemoryTickLease implements TickLease {
  private final AtomicBoolean held = new AtomicBoolean();

  @Override
  public CompletionStage<Optional<Held>> tryAcquire() {
    if (!held.compareAndSet(false, true)) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    AtomicBoolean mine = new AtomicBoolean(true);
    Held handle = () -> {
      if (mine.compareAndSet(true, false)) {
        held.set(false);
      }
      return CompletableFuture.completedFuture(null);
    };
    return CompletableFuture.completedFuture(Optional.of(handle));
  }

  boolean isHeld() {
    return held.get();
  }
}
