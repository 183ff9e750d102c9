package dev.aether.stats.bootstrap.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * After the service was killed (SIGKILL, OOM), the embedded PostgreSQL it had started keeps running on
 * its data directory, and a new start would fail ("another server might be running"). This finds that
 * server through its postmaster.pid and asks it to shut down (SIGTERM: a "smart" shutdown, so no data
 * is lost) before the new start.
 */
final class OrphanedServer {
  private static final Logger LOG = Logger.getLogger(OrphanedServer.class.getName());

  private OrphanedServer() {}

  static void stopIfRunning(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return; // not a pid file we understand: let PostgreSQL judge it
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    if (process.isEmpty()) {
      return; // stale file of a dead server: PostgreSQL removes it itself at start
    }
    LOG.warning("an embedded PostgreSQL (pid " + pid + ") from an earlier run still serves " + pgData
        + "; stopping it before starting again");
    process.get().destroy();
    try {
      process.get().onExit().get(Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IOException("the earlier embedded PostgreSQL (pid " + pid + ") did not stop within 60 s", e);
    }
  }
}
