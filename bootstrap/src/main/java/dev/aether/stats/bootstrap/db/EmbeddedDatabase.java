package dev.aether.stats.bootstrap.db;

import dev.aether.stats.changelog.PostgresUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL server of our own (real binaries shipped in a Maven artifact) whose data lives under
 * STATS_DATA_DIR, so that a machine with no database installed runs the service as it is, and a second
 * start finds the same data. Used only when STATS_DATABASE_URL is unset.
 */
final class EmbeddedDatabase implements RunningDatabase {
  private final EmbeddedPostgres server;
  private final PostgresUrl url;
  private final Path pgData;

  private EmbeddedDatabase(EmbeddedPostgres server, PostgresUrl url, Path pgData) {
    this.server = server;
    this.url = url;
    this.pgData = pgData;
  }

  static EmbeddedDatabase start(Path dataDir) throws IOException {
    Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
    Files.createDirectories(pgData.getParent());
    OrphanedServer.stopIfRunning(pgData);
    EmbeddedPostgres server = EmbeddedPostgres.builder()
        .setDataDirectory(pgData)
        .setCleanDataDirectory(false) // keep the data between starts
        .setRegisterShutdownHook(false) // we stop it ourselves, after the pool is closed
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("listen_addresses", "127.0.0.1")
        .start();
    return new EmbeddedDatabase(server, PostgresUrl.of("127.0.0.1", server.getPort(), "postgres", "postgres", null), pgData);
  }

  @Override
  public PostgresUrl url() {
    return url;
  }

  @Override
  public String description() {
    return "embedded PostgreSQL " + url + " (data in " + pgData + ")";
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
