package dev.aether.stats.bootstrap.db;

import dev.aether.stats.bootstrap.config.StatsConfig;
import dev.aether.stats.changelog.PostgresUrl;
import java.io.IOException;

/** Where the database comes from: STATS_DATABASE_URL when set, else the embedded server. */
public final class Databases {
  private Databases() {}

  public static RunningDatabase open(StatsConfig config) throws IOException {
    if (config.databaseUrl().isPresent()) {
      PostgresUrl url = config.databaseUrl().get();
      return new RunningDatabase() {
        @Override
        public PostgresUrl url() {
          return url;
        }

        @Override
        public String description() {
          return "STATS_DATABASE_URL " + url;
        }

        @Override
        public void close() {
          // not ours to stop
        }
      };
    }
    try {
      return EmbeddedDatabase.start(config.dataDir());
    } catch (IOException e) {
      throw new IOException("cannot start the embedded PostgreSQL in " + config.dataDir().toAbsolutePath()
          + "/postgres (set STATS_DATABASE_URL to use an existing server): " + e.getMessage(), e);
    }
  }
}
