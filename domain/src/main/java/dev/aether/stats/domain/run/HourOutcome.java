package dev.aether.stats.domain.run;

import java.time.Instant;

/** What materializing one UTC hour did (same kinds, same retention rule as for days). */
public record HourOutcome(Instant hour, DayOutcome.Kind kind, long rowsRead) {}
