package dev.aether.stats.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.aether.stats.adapters.http.AdminApi;
import dev.aether.stats.domain.port.PingDatabase;
import jakarta.inject.Singleton;

/** The admin HTTP API on the use cases. */
@Module
interface HttpModule {
  @Provides
  @Singleton
  static AdminApi adminApi(PingDatabase database) {
    return new AdminApi(database);
  }
}
