package dev.aether.stats.domain.run;

import dev.aether.stats.domain.calendar.DayRange;
import java.time.Instant;

/** One recorded run (stats_rollup_runs). {@code range} is null for a run that had nothing to do. */
public record RunRecord(
    long id,
    RunKind kind,
    DayRange range,
    String timeZone,
    RunStatus status,
    int daysWritten,
    int daysSkipped,
    long rowsRead,
    Instant startedAt,
    Instant finishedAt,
    String error,
    String owner) {}
