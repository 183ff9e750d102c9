package dev.aether.stats.domain.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Shares one answer to the same live question among everyone who asks it within {@code ttl}, including
 * the callers that arrive while it is still being computed. A dashboard polled by many clients then costs
 * the database one live aggregation per key and ttl, however many clients there are; in exchange an answer
 * may be up to ttl old. A failed answer is not kept. A ttl of zero turns sharing off.
 */
public final class RecentResults<K, V> {
  private record Entry<V>(Instant at, CompletionStage<V> value) {}

  private static final int MAX_KEYS = 1_000;

  private final Clock clock;
  private final Duration ttl;
  private final int maxKeys;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  public RecentResults(Clock clock, Duration ttl) {
    this(clock, ttl, MAX_KEYS);
  }

  /** Past {@code maxKeys} keys, the expired entries are dropped (bounds the memory of many distinct keys). */
  public RecentResults(Clock clock, Duration ttl, int maxKeys) {
    this.clock = clock;
    this.ttl = ttl;
    this.maxKeys = maxKeys;
  }

  public CompletionStage<V> get(K key, Supplier<CompletionStage<V>> compute) {
    if (ttl.isZero()) {
      return compute.get();
    }
    Instant now = clock.instant();
    Entry<V> fresh = entries.compute(key, (k, old) -> {
      if (old != null && !now.isBefore(old.at()) && now.isBefore(old.at().plus(ttl))) {
        return old;
      }
      return new Entry<>(now, compute.get());
    });
    fresh.value().whenComplete((v, error) -> {
      if (error != null) {
        entries.remove(key, fresh);
      }
    });
    if (entries.size() > maxKeys) {
      entries.entrySet().removeIf(e -> !now.isBefore(e.getValue().at().plus(ttl)));
    }
    return fresh.value();
  }
}
