package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.model.Summary;
import dev.aether.stats.domain.run.DayOutcome;
import dev.aether.stats.domain.run.RunRecord;
import java.time.LocalDate;
import java.util.List;

/** A finished, successful run: its final record, what happened to each day (in order), the new summary. */
public record RollupResult(RunRecord run, List<DayOutcome> days, Summary summary) {

  public RollupResult {
    days = List.copyOf(days);
  }

  public int daysWritten() {
    return (int) days.stream().filter(d -> d.kind() == DayOutcome.Kind.WRITTEN).count();
  }

  public List<LocalDate> protectedDays() {
    return days.stream().filter(d -> d.kind() == DayOutcome.Kind.PROTECTED).map(DayOutcome::day).toList();
  }
}
