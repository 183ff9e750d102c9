package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.api.CheckHealth;
import dev.aether.stats.domain.port.PingDatabase;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** The service is healthy when its database answers. */
public final class HealthCheck implements CheckHealth {
  private final PingDatabase database;

  public HealthCheck(PingDatabase database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public CompletionStage<Void> check() {
    return Stages.call(database::ping);
  }
}
