package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.port.DailyStatsReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Reads per-key day rows (per user, model, provider, ..., histogram buckets) over a range the way every
 * range read does: closed days that were materialized from the stats tables, today and the days not
 * materialized yet live from usage (see {@link ReadSplit}). Breakdown rows exist only for keys with usage,
 * so whether a day was materialized is read from stats_daily, which every materialized day has.
 */
final class StoredAndLive {
  /** The rows of the range, and which of its days came from the stats tables. */
  record Result<T>(List<T> rows, Set<LocalDate> materialized) {}

  private final DailyStatsReader daily;
  private final BusinessCalendar calendar;

  StoredAndLive(DailyStatsReader daily, BusinessCalendar calendar) {
    this.daily = Objects.requireNonNull(daily, "daily");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  <T> CompletionStage<Result<T>> read(
      DayRange range,
      Function<DayBounds, CompletionStage<List<T>>> stored,
      Function<DayBounds, CompletionStage<List<T>>> live,
      Function<T, LocalDate> dayOf) {
    LocalDate today = calendar.dayOf(calendar.now());
    Optional<DayRange> closed = ReadSplit.closedPart(range, today);
    CompletionStage<Set<LocalDate>> materialized = storedOver(closed, daily::stored).thenApply(rows -> {
      Set<LocalDate> days = new HashSet<>();
      rows.forEach(r -> days.add(r.day()));
      return days;
    });
    return materialized.thenCombine(storedOver(closed, stored), (days, storedRows) -> {
      List<T> out = new ArrayList<>();
      storedRows.stream().filter(r -> ReadSplit.isStored(dayOf.apply(r), today, days)
          && range.contains(dayOf.apply(r))).forEach(out::add);
      return new Result<>(out, days);
    }).thenCompose(part -> liveOver(ReadSplit.liveRuns(range, today, part.materialized()), live)
        .thenApply(liveRows -> {
          List<T> out = new ArrayList<>(part.rows());
          liveRows.stream().filter(r -> range.contains(dayOf.apply(r))
              && !ReadSplit.isStored(dayOf.apply(r), today, part.materialized())).forEach(out::add);
          return new Result<>(out, part.materialized());
        }));
  }

  <T> CompletionStage<List<T>> storedOver(
      Optional<DayRange> closed, Function<DayBounds, CompletionStage<List<T>>> read) {
    return closed.isEmpty()
        ? Stages.done(List.of())
        : Stages.call(() -> read.apply(calendar.bounds(closed.get())));
  }

  /** One live query per run, one after the other (they would only compete for the same connections). */
  <T> CompletionStage<List<T>> liveOver(
      List<DayRange> runs, Function<DayBounds, CompletionStage<List<T>>> read) {
    CompletionStage<List<T>> all = Stages.done(new ArrayList<>());
    for (DayRange run : runs) {
      all = all.thenCompose(acc -> Stages.call(() -> read.apply(calendar.bounds(run))).thenApply(rows -> {
        acc.addAll(rows);
        return acc;
      }));
    }
    return all;
  }
}
