package dev.aether.stats.domain.run;

import java.time.Instant;
import java.time.LocalDate;

/** What materializing one day did. */
public record DayOutcome(LocalDate day, Instant dayStart, Kind kind, long rowsRead) {

  public enum Kind {
    /** Recomputed from the usage rows and stored (replacing what was there). */
    WRITTEN,
    /**
     * Left as stored: the day starts before the earliest usage row still retained and fewer rows are left
     * than it counts, so retention deleted (some of) its raw rows and recomputing would overwrite history
     * with partial numbers.
     */
    PROTECTED
  }
}
