package dev.aether.stats.bootstrap.config;

import dev.aether.stats.changelog.PostgresUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The validated configuration (from the environment; see the README). {@link #toString()} never shows the
 * admin token (and the database URL's own toString hides its password), so the object can be logged.
 * {@code backfillDays}: the optional cap on the history the timer keeps materialized (absent: all of it);
 * {@code settleInterval}: how often the ticks redo whole settle days (the hour buckets catch row changes in
 * between); {@code tickMaxBatches}: how many batches of {@code batchDays} one tick does at most (the next tick follows
 * at once while work is left).
 */
public record StatsConfig(
    Optional<PostgresUrl> databaseUrl,
    Path dataDir,
    ZoneId timeZone,
    String httpHost,
    int httpPort,
    Optional<String> adminToken,
    Duration rollupInterval,
    int settleDays,
    Duration settleInterval,
    OptionalInt backfillDays,
    int batchDays,
    int rollupParallelism,
    int tickMaxBatches,
    int maxRangeDays,
    Duration liveCacheTtl,
    boolean dashboard) {

  @Override
  public String toString() {
    return "StatsConfig[databaseUrl=" + databaseUrl.map(PostgresUrl::toString).orElse("(embedded)")
        + ", dataDir=" + dataDir + ", timeZone=" + timeZone + ", http=" + httpHost + ":" + httpPort
        + ", adminToken=" + (adminToken.isPresent() ? "<redacted>" : "(generated)")
        + ", rollupInterval=" + rollupInterval + ", settleDays=" + settleDays + ", settleInterval=" + settleInterval
        + ", backfillDays=" + backfillDays
        + ", batchDays=" + batchDays + ", rollupParallelism=" + rollupParallelism + ", tickMaxBatches=" + tickMaxBatches
        + ", maxRangeDays=" + maxRangeDays
        + ", liveCacheTtl=" + liveCacheTtl + ", dashboard=" + (dashboard ? "on" : "off") + "]";
  }
}
