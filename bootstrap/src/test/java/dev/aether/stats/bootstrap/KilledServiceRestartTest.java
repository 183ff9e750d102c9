package dev.aether.stats.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.aether.stats.bootstrap.commands.ServeCommand;
import dev.aether.stats.bootstrap.config.EnvironmentConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve killed with SIGKILL leaves its embedded PostgreSQL running on the data directory; the next serve
 * stops that orphan (cleanly) and starts on the same data.
 */
class KilledServiceRestartTest {
  @TempDir Path dataDir;

  @Test
  void theNextStartTakesOverFromAKilledOne() throws Exception {
    Map<String, String> env = Map.of("STATS_DATA_DIR", dataDir.toString(), "STATS_HTTP_PORT", "0",
        "STATS_ROLLUP_INTERVAL", "PT1H", "STATS_ADMIN_TOKEN", "test-token-0123456789");
    long orphanPid;
    try (ChildProcess child = ChildProcess.start(env, "serve")) {
      child.awaitLine("serving on", Duration.ofSeconds(120));
      orphanPid = pid(dataDir);
      child.kill();
    }
    assertEquals(true, ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false),
        "the embedded server outlived the killed service (what this test is about)");

    ServeCommand.RunningService service = ServeCommand.start(EnvironmentConfig.load(env), false,
        new PrintStream(new ByteArrayOutputStream()));
    try {
      assertFalse(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false), "orphan stopped");
      HttpResponse<String> health = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + service.port() + "/health")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      // the schema the killed run migrated is there: this start applied no changeset
      assertEquals(true, Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION")));
    } finally {
      service.stop();
    }
  }

  private static long pid(Path dataDir) throws Exception {
    return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
  }
}
