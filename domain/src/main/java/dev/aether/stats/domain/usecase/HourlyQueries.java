package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.api.HourlyStatsQuery;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.model.HourlyStats;
import dev.aether.stats.domain.model.ModelHourlyStats;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.port.HourlyStatsReader;
import dev.aether.stats.domain.port.ModelHourlyStatsReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The hour reads: closed hours that have a bucket come from stats_hourly ("materialized"); the current
 * hour, later ones and closed hours without a bucket are computed from usage ("live"), one query per run
 * of consecutive live hours. Every hour of the range is answered (zeros for an hour without rows).
 */
public final class HourlyQueries implements HourlyStatsQuery {
  private final HourlyStatsReader hours;
  private final ModelHourlyStatsReader models;
  private final BusinessCalendar calendar;

  public HourlyQueries(HourlyStatsReader hours, ModelHourlyStatsReader models, BusinessCalendar calendar) {
    this.hours = Objects.requireNonNull(hours, "hours");
    this.models = Objects.requireNonNull(models, "models");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  @Override
  public HourRange hoursOf(DayRange days) {
    return new HourRange(HourRange.floor(calendar.startOf(days.first())),
        HourRange.ceil(calendar.startOf(days.last().plusDays(1))));
  }

  @Override
  public CompletionStage<List<HourlyStats>> hourly(HourRange range) {
    return storedHours(range).thenCompose(stored -> liveOver(liveRuns(range, stored), hours::live)
        .thenApply(live -> {
          Map<Instant, HourlyStats> byHour = new HashMap<>(stored);
          live.stream().filter(h -> !stored.containsKey(h.hour())).forEach(h -> byHour.put(h.hour(), h));
          List<HourlyStats> out = new ArrayList<>(range.size());
          for (Instant h : range.hours()) {
            out.add(byHour.getOrDefault(h, HourlyStats.empty(h, Source.LIVE)));
          }
          return out;
        }));
  }

  @Override
  public CompletionStage<List<ModelHourlyStats>> modelHourly(HourRange range) {
    return storedHours(range).thenCompose(stored -> closedPart(range)
        .map(closed -> Stages.call(() -> models.stored(closed)))
        .orElse(Stages.done(List.of()))
        .thenCompose(storedRows -> liveOver(liveRuns(range, stored), models::live).thenApply(live -> {
          List<ModelHourlyStats> out = new ArrayList<>();
          storedRows.stream().filter(m -> stored.containsKey(m.hour())).forEach(out::add);
          live.stream().filter(m -> !stored.containsKey(m.hour())).forEach(out::add);
          out.sort(Comparator.comparing(ModelHourlyStats::hour).thenComparing(ModelHourlyStats::model));
          return out;
        })));
  }

  /** The buckets of the closed hours of {@code range}, by hour. */
  private CompletionStage<Map<Instant, HourlyStats>> storedHours(HourRange range) {
    return closedPart(range).map(closed -> Stages.call(() -> hours.stored(closed)).thenApply(rows -> {
      Map<Instant, HourlyStats> byHour = new HashMap<>();
      rows.stream().filter(r -> closed.contains(r.hour())).forEach(r -> byHour.put(r.hour(), r));
      return byHour;
    })).orElse(Stages.done(Map.of()));
  }

  /** The hours of {@code range} that have ended. */
  private Optional<HourRange> closedPart(HourRange range) {
    Instant current = HourRange.floor(calendar.now());
    if (!range.from().isBefore(current)) {
      return Optional.empty();
    }
    return Optional.of(new HourRange(range.from(), range.to().isAfter(current) ? current : range.to()));
  }

  private static List<HourRange> liveRuns(HourRange range, Map<Instant, HourlyStats> stored) {
    List<HourRange> runs = new ArrayList<>();
    Instant start = null;
    for (Instant h : range.hours()) {
      boolean live = !stored.containsKey(h);
      if (live && start == null) {
        start = h;
      } else if (!live && start != null) {
        runs.add(new HourRange(start, h));
        start = null;
      }
    }
    if (start != null) {
      runs.add(new HourRange(start, range.to()));
    }
    return runs;
  }

  private static <T> CompletionStage<List<T>> liveOver(List<HourRange> runs,
      Function<HourRange, CompletionStage<List<T>>> read) {
    CompletionStage<List<T>> all = Stages.done(new ArrayList<>());
    for (HourRange run : runs) {
      all = all.thenCompose(acc -> Stages.call(() -> read.apply(run)).thenApply(rows -> {
        acc.addAll(rows);
        return acc;
      }));
    }
    return all;
  }
}
