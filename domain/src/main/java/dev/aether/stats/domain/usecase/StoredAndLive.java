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
import java.util.function.BiFunction;
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
    return materializedDays(closed).thenCombine(storedOver(closed, stored), (days, storedRows) -> {
      List<T> out = new ArrayList<>();
      storedRows.stream().filter(r -> ReadSplit.isStored(dayOf.apply(r), today, days)
          && range.contains(dayOf.apply(r))).forEach(out::add);
      return new Result<>(out, days);
    }).thenCompose(part -> withLive(range, today, part, live, dayOf));
  }

  /**
   * As {@link #read}, with the stored days summed per key by {@code storedSums} (given the closed part's
   * bounds and the materialized days to sum) instead of read day by day: one row per key for them,
   * plus the live days' rows. The stored days are the ones the daily read saw, so a day materialized
   * meanwhile is read live and counted once.
   */
  <T> CompletionStage<Result<T>> readSums(
      DayRange range,
      BiFunction<DayBounds, Set<LocalDate>, CompletionStage<List<T>>> storedSums,
      Function<DayBounds, CompletionStage<List<T>>> live,
      Function<T, LocalDate> dayOf) {
    LocalDate today = calendar.dayOf(calendar.now());
    Optional<DayRange> closed = ReadSplit.closedPart(range, today);
    return materializedDays(closed).thenCompose(days -> {
      Set<LocalDate> summed = new HashSet<>();
      days.stream().filter(d -> ReadSplit.isStored(d, today, days) && range.contains(d)).forEach(summed::add);
      CompletionStage<List<T>> sums = summed.isEmpty() ? Stages.done(List.of())
          : Stages.call(() -> storedSums.apply(calendar.bounds(closed.orElseThrow()), summed));
      return sums.thenApply(rows -> new Result<>(new ArrayList<>(rows), days));
    }).thenCompose(part -> withLive(range, today, part, live, dayOf));
  }

  /** The days of {@code closed} that stats_daily holds. */
  private CompletionStage<Set<LocalDate>> materializedDays(Optional<DayRange> closed) {
    return storedOver(closed, daily::stored).thenApply(rows -> {
      Set<LocalDate> days = new HashSet<>();
      rows.forEach(r -> days.add(r.day()));
      return days;
    });
  }

  /** {@code part} (the stored rows) and the live rows of every day of the range it does not cover. */
  private <T> CompletionStage<Result<T>> withLive(DayRange range, LocalDate today, Result<T> part,
      Function<DayBounds, CompletionStage<List<T>>> live, Function<T, LocalDate> dayOf) {
    return liveOver(ReadSplit.liveRuns(range, today, part.materialized()), live).thenApply(liveRows -> {
      List<T> out = new ArrayList<>(part.rows());
      liveRows.stream().filter(r -> range.contains(dayOf.apply(r))
          && !ReadSplit.isStored(dayOf.apply(r), today, part.materialized())).forEach(out::add);
      return new Result<>(out, part.materialized());
    });
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
