package dev.aether.stats.testsupport;

import dev.aether.stats.changelog.PostgresUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server the tests of this JVM use, started once and shared; every test class then gets
 * its own database on it ({@link FreshDatabase}). Chosen in this order:
 * <ol>
 *   <li>{@code STATS_TEST_DATABASE_URL}: an existing server (the URL's database is used to connect and
 *       create the test databases);</li>
 *   <li>Testcontainers (PostgreSQL 15) when a Docker daemon answers;</li>
 *   <li>an embedded PostgreSQL (zonky: real server binaries from a Maven artifact).</li>
 * </ol>
 * When none works the tests fail with a message saying what to set; they are never skipped.
 */
public final class TestPostgresServer {
  public static final String URL_VARIABLE = "STATS_TEST_DATABASE_URL";

  private static PostgresUrl admin;
  private static String description;

  private TestPostgresServer() {}

  /** Address of a database on the shared server from which test databases are created. */
  public static synchronized PostgresUrl admin() {
    if (admin == null) {
      start();
    }
    return admin;
  }

  public static synchronized String description() {
    admin();
    return description;
  }

  private static void start() {
    List<String> tried = new ArrayList<>();
    String configured = System.getenv(URL_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      try {
        admin = PostgresUrl.parse(configured);
        description = URL_VARIABLE + " " + admin;
        return;
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(URL_VARIABLE + " " + e.getMessage());
      }
    }
    tried.add(URL_VARIABLE + " is not set");
    if (dockerAvailable()) {
      try {
        startContainer();
        return;
      } catch (RuntimeException e) {
        tried.add("Testcontainers failed: " + e.getMessage());
      }
    } else {
      tried.add("no Docker daemon for Testcontainers");
    }
    try {
      startEmbedded();
    } catch (Exception | LinkageError e) {
      tried.add("embedded PostgreSQL failed: " + e);
      throw new IllegalStateException("No PostgreSQL server for the tests (" + String.join("; ", tried)
          + "). Set " + URL_VARIABLE + "=postgresql://user:password@host:port/database to a server where that"
          + " user may CREATE DATABASE, or start a Docker daemon.", e);
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // stopped by Testcontainers' reaper / the shutdown hook
  private static void startContainer() {
    PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-test-postgres"));
    admin = PostgresUrl.of(container.getHost(), container.getMappedPort(5432), container.getDatabaseName(),
        container.getUsername(), container.getPassword());
    description = "Testcontainers " + admin;
  }

  private static void startEmbedded() throws Exception {
    EmbeddedPostgres embedded = EmbeddedPostgres.builder()
        // a test server: durability is irrelevant, speed is not
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        .setServerConfig("max_connections", "200")
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        embedded.close();
      } catch (Exception ignored) {
        // the JVM is exiting; the temporary data directory goes with it
      }
    }, "stop-test-postgres"));
    admin = PostgresUrl.of("localhost", embedded.getPort(), "postgres", "postgres", null);
    description = "embedded PostgreSQL " + admin;
  }
}
