package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.planner.HourPlan;
import dev.aether.stats.domain.planner.HourPlanner;
import dev.aether.stats.domain.port.FindChangedHours;
import dev.aether.stats.domain.port.MaterializeDays;
import dev.aether.stats.domain.port.MaterializeHours;
import dev.aether.stats.domain.run.DayOutcome;
import dev.aether.stats.domain.run.HourOutcome;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A tick's work on the hour buckets: ask which watched hours changed, materialize those, the newest closed
 * hours and the current one (its rows up to the tick's instant), then the closed days containing a changed hour ({@link HourPlanner}). One statement per run of
 * consecutive hours or days, one after the other. The caller refreshes the summary afterwards when
 * {@link Result#daysWritten()} is not zero (the summary sums stored days).
 */
public final class HourlyMaintenance {
  private final FindChangedHours changedHours;
  private final MaterializeHours materializeHours;
  private final MaterializeDays materializeDays;
  private final HourPlanner planner;
  private final BusinessCalendar calendar;

  public HourlyMaintenance(FindChangedHours changedHours, MaterializeHours materializeHours,
      MaterializeDays materializeDays, HourPlanner planner, BusinessCalendar calendar) {
    this.changedHours = Objects.requireNonNull(changedHours, "changedHours");
    this.materializeHours = Objects.requireNonNull(materializeHours, "materializeHours");
    this.materializeDays = Objects.requireNonNull(materializeDays, "materializeDays");
    this.planner = Objects.requireNonNull(planner, "planner");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /** What one run did: the plan it followed, hours written / protected, days written, usage rows read. */
  public record Result(HourPlan plan, int hoursWritten, int hoursProtected, int daysWritten, long rowsRead) {}

  public CompletionStage<Result> run() {
    java.time.Instant now = calendar.now();
    return Stages.call(() -> changedHours.changed(planner.watched(now))).thenCompose(changed -> {
      HourPlan plan = planner.plan(now, changed);
      CompletionStage<Result> done = Stages.done(new Result(plan, 0, 0, 0, 0));
      for (HourRange run : plan.hours()) {
        done = done.thenCompose(r -> Stages.call(() -> materializeHours.materialize(run, now)).thenApply(o -> add(r, o)));
      }
      for (DayRange run : plan.days()) {
        done = done.thenCompose(r -> Stages.call(() -> materializeDays.materialize(calendar.bounds(run)))
            .thenApply(o -> addDays(r, o)));
      }
      return done;
    });
  }

  private static Result add(Result r, List<HourOutcome> outcomes) {
    int written = (int) outcomes.stream().filter(o -> o.kind() == DayOutcome.Kind.WRITTEN).count();
    long rows = outcomes.stream().mapToLong(HourOutcome::rowsRead).sum();
    return new Result(r.plan(), r.hoursWritten() + written, r.hoursProtected() + outcomes.size() - written,
        r.daysWritten(), r.rowsRead() + rows);
  }

  private static Result addDays(Result r, List<DayOutcome> outcomes) {
    int written = (int) outcomes.stream().filter(o -> o.kind() == DayOutcome.Kind.WRITTEN).count();
    long rows = outcomes.stream().mapToLong(DayOutcome::rowsRead).sum();
    return new Result(r.plan(), r.hoursWritten(), r.hoursProtected(), r.daysWritten() + written,
        r.rowsRead() + rows);
  }
}
