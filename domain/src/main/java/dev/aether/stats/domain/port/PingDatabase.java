package dev.aether.stats.domain.port;

import java.util.concurrent.CompletionStage;

/** Asks the database a trivial question; completes exceptionally (within a bounded time) when it is down. */
public interface PingDatabase {
  CompletionStage<Void> ping();
}
