package dev.aether.stats.bootstrap.db;

import dev.aether.stats.changelog.PostgresUrl;
import java.io.IOException;

/** The database a command works on; closing it stops it when it is ours (embedded). */
public interface RunningDatabase extends AutoCloseable {
  PostgresUrl url();

  /** Loggable: never contains a password. */
  String description();

  @Override
  void close() throws IOException;
}
