package dev.aether.stats.domain.planner;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the timer waits after consecutive failed ticks: min(base * 2^(k-1), max) after k failures, so
 * a database outage is retried soon at first and then no more often than {@code max}.
 */
public record Backoff(Duration base, Duration max) {

  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("base must be positive, got " + base);
    }
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException("max (" + max + ") must not be below base (" + base + ")");
    }
  }

  /** The wait after {@code consecutiveFailures} failed ticks; zero when the last tick succeeded. */
  public Duration delayAfter(int consecutiveFailures) {
    if (consecutiveFailures < 0) {
      throw new IllegalArgumentException("consecutiveFailures must be >= 0, got " + consecutiveFailures);
    }
    if (consecutiveFailures == 0) {
      return Duration.ZERO;
    }
    int doublings = consecutiveFailures - 1;
    if (doublings >= Long.SIZE - 2) {
      return max; // 2^62 and beyond: far past any sane max, and the shift would overflow
    }
    try {
      Duration delay = base.multipliedBy(1L << doublings);
      return delay.compareTo(max) > 0 ? max : delay;
    } catch (ArithmeticException overflow) {
      return max;
    }
  }
}
