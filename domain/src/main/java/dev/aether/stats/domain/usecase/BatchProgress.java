package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.run.DayOutcome;
import java.time.LocalDate;
import java.util.List;

/** One committed batch of a rollup: what it wrote, which days it left alone, what it read and how long. */
public record BatchProgress(
    DayRange batch, int daysWritten, List<LocalDate> protectedDays, long rowsRead, long millis) {

  public BatchProgress {
    protectedDays = List.copyOf(protectedDays);
  }

  static BatchProgress of(DayRange batch, List<DayOutcome> outcomes, long millis) {
    int written = 0;
    long rows = 0;
    List<LocalDate> protectedDays = new java.util.ArrayList<>();
    for (DayOutcome o : outcomes) {
      rows += o.rowsRead();
      if (o.kind() == DayOutcome.Kind.WRITTEN) {
        written++;
      } else {
        protectedDays.add(o.day());
      }
    }
    return new BatchProgress(batch, written, protectedDays, rows, millis);
  }
}
