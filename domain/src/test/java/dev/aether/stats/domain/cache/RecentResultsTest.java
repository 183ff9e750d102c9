package dev.aether.stats.domain.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.aether.stats.domain.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentResultsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-20T04:00:00Z"));
  private final AtomicInteger computed = new AtomicInteger();

  private CompletionStage<Integer> compute() {
    return CompletableFuture.completedFuture(computed.incrementAndGet());
  }

  @Test
  void oneAnswerPerKeyAndTtlThenAFreshOne() {
    RecentResults<String, Integer> recent = new RecentResults<>(clock, Duration.ofSeconds(1));
    assertEquals(1, recent.get("a", this::compute).toCompletableFuture().join());
    clock.advance(Duration.ofMillis(999));
    assertEquals(1, recent.get("a", this::compute).toCompletableFuture().join(), "shared within the ttl");
    assertEquals(2, recent.get("b", this::compute).toCompletableFuture().join(), "another key, another answer");
    clock.advance(Duration.ofMillis(1));
    assertEquals(3, recent.get("a", this::compute).toCompletableFuture().join(), "recomputed once the ttl is over");
  }

  @Test
  void callersArrivingWhileItIsComputedShareIt() {
    RecentResults<String, Integer> recent = new RecentResults<>(clock, Duration.ofSeconds(1));
    CompletableFuture<Integer> slow = new CompletableFuture<>();
    CompletionStage<Integer> first = recent.get("a", () -> slow);
    CompletionStage<Integer> second = recent.get("a", this::compute);
    assertSame(first, second);
    slow.complete(42);
    assertEquals(42, second.toCompletableFuture().join());
    assertEquals(0, computed.get());
  }

  @Test
  void aFailureIsNotKept() {
    RecentResults<String, Integer> recent = new RecentResults<>(clock, Duration.ofSeconds(1));
    recent.get("a", () -> CompletableFuture.failedFuture(new IllegalStateException("database down")));
    assertEquals(1, recent.get("a", this::compute).toCompletableFuture().join());
  }

  @Test
  void aZeroTtlSharesNothing() {
    RecentResults<String, Integer> recent = new RecentResults<>(clock, Duration.ZERO);
    recent.get("a", this::compute);
    recent.get("a", this::compute);
    assertEquals(2, computed.get());
  }
}
