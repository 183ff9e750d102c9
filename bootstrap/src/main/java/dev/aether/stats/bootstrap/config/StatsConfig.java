package dev.aether.stats.bootstrap.config;

import dev.aether.stats.changelog.PostgresUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** The validated configuration (from the environment; see CONTRACT.md and the README). */
public record StatsConfig(
    Optional<PostgresUrl> databaseUrl,
    Path dataDir,
    ZoneId timeZone,
    String httpHost,
    int httpPort,
    Optional<String> adminToken,
    Duration rollupInterval,
    int settleDays,
    int backfillDays,
    int batchDays,
    int rollupParallelism,
    int maxRangeDays,
    Duration liveCacheTtl,
    boolean dashboard) {}
