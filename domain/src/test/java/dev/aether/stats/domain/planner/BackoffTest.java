package dev.aether.stats.domain.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5));

  @Test
  void doublesFromTheBaseAfterEachFailure() {
    assertEquals(Duration.ofSeconds(10), backoff.delayAfter(1));
    assertEquals(Duration.ofSeconds(20), backoff.delayAfter(2));
    assertEquals(Duration.ofSeconds(40), backoff.delayAfter(3));
    assertEquals(Duration.ofSeconds(80), backoff.delayAfter(4));
    assertEquals(Duration.ofSeconds(160), backoff.delayAfter(5));
  }

  @Test
  void staysAtTheMaximum() {
    assertEquals(Duration.ofMinutes(5), backoff.delayAfter(6)); // 320 s > 300 s
    assertEquals(Duration.ofMinutes(5), backoff.delayAfter(64));
    assertEquals(Duration.ofMinutes(5), backoff.delayAfter(Integer.MAX_VALUE));
  }

  @Test
  void noFailureNoWait() {
    assertEquals(Duration.ZERO, backoff.delayAfter(0));
  }

  @Test
  void survivesOverflowOfHugeDurations() {
    Backoff huge = new Backoff(Duration.ofSeconds(Long.MAX_VALUE / 4), Duration.ofSeconds(Long.MAX_VALUE));

    assertEquals(Duration.ofSeconds(Long.MAX_VALUE / 4 * 2), huge.delayAfter(2));
    assertEquals(Duration.ofSeconds(Long.MAX_VALUE), huge.delayAfter(4)); // * 8 overflows
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> backoff.delayAfter(-1));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }
}
