package dev.aether.stats.domain.port;

import java.time.Instant;
import java.util.Optional;

/**
 * What the planner needs to know about the database: the summary's cutoff (absent: no summary yet), the
 * start of the newest materialized day, the first usage row still retained.
 */
public record RollupState(
    Optional<Instant> summaryCutoff,
    Optional<Instant> newestMaterializedDayStart,
    Optional<Instant> firstUsageAt) {}
