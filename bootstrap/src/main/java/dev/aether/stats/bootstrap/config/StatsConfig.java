package dev.aether.stats.bootstrap.config;

import dev.aether.stats.changelog.PostgresUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;

/** The validated configuration (from the environment; see CONTRACT.md and the README). */
/**
 * {@code backfillDays}: the optional cap on the history the timer keeps materialized (absent: all of it);
 * {@code tickMaxBatches}: how many batches of {@code batchDays} one tick does at most (the next tick follows
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
    OptionalInt backfillDays,
    int batchDays,
    int rollupParallelism,
    int tickMaxBatches,
    int maxRangeDays,
    Duration liveCacheTtl) {}
