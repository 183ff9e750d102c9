package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.api.AnalyticsQuery;
import dev.aether.stats.domain.api.HourlyStatsQuery;
import dev.aether.stats.domain.api.InvalidRequestException;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.model.Breakdown;
import dev.aether.stats.domain.model.BreakdownFigures;
import dev.aether.stats.domain.model.BreakdownRow;
import dev.aether.stats.domain.model.Comparison;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.EfficiencySummary;
import dev.aether.stats.domain.model.ErrorSummary;
import dev.aether.stats.domain.model.HistogramBucket;
import dev.aether.stats.domain.model.LatencyDimension;
import dev.aether.stats.domain.model.LatencyHistogram;
import dev.aether.stats.domain.model.LatencyMetric;
import dev.aether.stats.domain.model.LatencySummary;
import dev.aether.stats.domain.model.LeaderboardEntry;
import dev.aether.stats.domain.model.PeriodFigures;
import dev.aether.stats.domain.model.SeriesPoint;
import dev.aether.stats.domain.model.StatusClasses;
import dev.aether.stats.domain.model.Totals;
import dev.aether.stats.domain.model.UsageFilter;
import dev.aether.stats.domain.port.BreakdownReader;
import dev.aether.stats.domain.port.DailyStatsReader;
import dev.aether.stats.domain.port.LatencyHistogramReader;
import dev.aether.stats.domain.port.PeriodUsageReader;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * The analytics reads (issue 11): leaderboards, latency percentiles, error split, output speed and cache
 * use, series and comparisons. Each merges stored days with the live tail like {@link StatsQueries#daily}
 * (see {@link StoredAndLive}); the breakdown figures come from the per-key tables.
 */
public final class AnalyticsQueries implements AnalyticsQuery {
  /** Hourly series and series with filters no stored table carries cover at most this many days. */
  public static final int MAX_CAPPED_SERIES_DAYS = 31;

  public enum Ranked { USERS, API_KEYS, MODELS, PROVIDERS }

  public enum RankMetric { REQUESTS, TOKENS, COST, ERRORS }

  public enum LatencyGrouping { ALL, DAY, MODEL, PROVIDER }

  public enum ErrorGrouping { STATUS_CLASS, PROVIDER, MODEL }

  public enum EfficiencyGrouping { MODEL, PROVIDER }

  public enum Granularity { HOUR, DAY, WEEK, MONTH }

  public enum Against { PREVIOUS, YEAR }

  /** An hour's label: its local start with the zone's offset, "2026-03-15T10:00+05:30". */
  private static final DateTimeFormatter HOUR_LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

  private final StatsQueries stats;
  private final BreakdownReader breakdowns;
  private final LatencyHistogramReader histograms;
  private final PeriodUsageReader periods;
  private final HourlyStatsQuery hours;
  private final BusinessCalendar calendar;
  private final StoredAndLive reads;

  public AnalyticsQueries(StatsQueries stats, DailyStatsReader daily, BreakdownReader breakdowns,
      LatencyHistogramReader histograms, PeriodUsageReader periods, HourlyStatsQuery hours,
      BusinessCalendar calendar) {
    this.stats = Objects.requireNonNull(stats, "stats");
    this.breakdowns = Objects.requireNonNull(breakdowns, "breakdowns");
    this.histograms = Objects.requireNonNull(histograms, "histograms");
    this.periods = Objects.requireNonNull(periods, "periods");
    this.hours = Objects.requireNonNull(hours, "hours");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.reads = new StoredAndLive(daily, calendar);
  }

  // ----- leaderboards -----

  /**
   * Entities of {@code kind} with requests in the range, ranked by {@code metric} (descending, ties by id),
   * from rank offset + 1, at most {@code limit}. Requests without a user / key are not ranked.
   */
  public CompletionStage<List<LeaderboardEntry>> leaderboard(
      Ranked kind, DayRange range, RankMetric metric, int limit, int offset) {
    Breakdown breakdown = switch (kind) {
      case USERS -> Breakdown.USER;
      case API_KEYS -> Breakdown.API_KEY;
      case MODELS -> Breakdown.MODEL_PROVIDER;
      case PROVIDERS -> Breakdown.PROVIDER;
    };
    return sums(breakdown, range).thenApply(result -> {
      Map<String, BreakdownRow> byKey = sumBy(result.rows());
      List<Map.Entry<String, BreakdownRow>> ranked = new ArrayList<>(byKey.entrySet());
      ranked.sort(Comparator.<Map.Entry<String, BreakdownRow>>comparingDouble(e -> -value(e.getValue().figures(), metric))
          .thenComparing(Map.Entry::getKey));
      double total = 0;
      BigDecimal totalCost = BigDecimal.ZERO;
      for (BreakdownRow s : byKey.values()) {
        total += value(s.figures(), metric);
        totalCost = totalCost.add(s.figures().totals().totalCost());
      }
      if (metric == RankMetric.COST) {
        total = totalCost.doubleValue();
      }
      List<LeaderboardEntry> out = new ArrayList<>();
      for (int i = offset; i < ranked.size() && i < (long) offset + limit; i++) {
        BreakdownRow s = ranked.get(i).getValue();
        double v = value(s.figures(), metric);
        out.add(new LeaderboardEntry(i + 1, ranked.get(i).getKey(), s.name(), s.figures().totals().totalRequests(),
            s.figures().totals().errorRequests(), s.figures().allTokens(), s.figures().totals().totalCost(), v,
            total == 0 ? 0.0 : v / total));
      }
      return out;
    });
  }

  private static double value(BreakdownFigures f, RankMetric metric) {
    return switch (metric) {
      case REQUESTS -> f.totals().totalRequests();
      case TOKENS -> f.allTokens();
      case COST -> f.totals().totalCost().doubleValue();
      case ERRORS -> f.totals().errorRequests();
    };
  }

  // ----- latency -----

  /**
   * Percentiles and maxima of response and first-byte times of completed requests: one row "all", one per
   * day of the range (key YYYY-MM-DD, empty days included), or one per model / provider with data.
   */
  public CompletionStage<List<LatencySummary>> latency(LatencyGrouping by, DayRange range) {
    LatencyDimension dimension = switch (by) {
      case ALL, DAY -> LatencyDimension.ALL;
      case MODEL -> LatencyDimension.MODEL;
      case PROVIDER -> LatencyDimension.PROVIDER;
    };
    return reads.read(range, d -> histograms.stored(dimension, d), d -> histograms.live(dimension, d),
        HistogramBucket::day).thenApply(result -> {
          TreeMap<String, LatencyHistogram[]> byKey = new TreeMap<>();
          if (by == LatencyGrouping.ALL) {
            byKey.put("all", pair());
          } else if (by == LatencyGrouping.DAY) {
            range.days().forEach(d -> byKey.put(d.toString(), pair()));
          }
          for (HistogramBucket b : result.rows()) {
            String key = switch (by) {
              case ALL -> "all";
              case DAY -> b.day().toString();
              case MODEL, PROVIDER -> b.key();
            };
            byKey.computeIfAbsent(key, k -> pair())[b.metric() == LatencyMetric.RESPONSE ? 0 : 1].add(b);
          }
          List<LatencySummary> out = new ArrayList<>();
          byKey.forEach((key, h) -> out.add(LatencySummary.of(key, h[0], h[1])));
          return out;
        });
  }

  private static LatencyHistogram[] pair() {
    return new LatencyHistogram[] {new LatencyHistogram(), new LatencyHistogram()};
  }

  // ----- errors -----

  /**
   * Requests and errors per status class ("2xx" = below 300, "3xx", "4xx", "5xx" = 500 and above, "none"
   * = no status code; all five always present), per provider or per model (those with requests).
   */
  public CompletionStage<List<ErrorSummary>> errors(ErrorGrouping by, DayRange range) {
    Breakdown breakdown = by == ErrorGrouping.MODEL ? Breakdown.MODEL_PROVIDER : Breakdown.PROVIDER;
    return sums(breakdown, range).thenApply(result -> {
      List<ErrorSummary> out = new ArrayList<>();
      if (by == ErrorGrouping.STATUS_CLASS) {
        StatusClasses c = StatusClasses.ZERO;
        for (BreakdownRow r : result.rows()) {
          c = c.plus(r.figures().statusClasses());
        }
        out.add(new ErrorSummary("2xx", c.requests2xx(), 0, 0, c.errors2xx()));
        out.add(new ErrorSummary("3xx", c.requests3xx(), 0, 0, c.errors3xx()));
        out.add(new ErrorSummary("4xx", c.requests4xx(), c.requests4xx(), 0, 0));
        out.add(new ErrorSummary("5xx", c.requests5xx(), 0, c.requests5xx(), 0));
        out.add(new ErrorSummary("none", c.requestsNoStatus(), 0, c.errorsNoStatus(), 0));
        return out;
      }
      sumBy(result.rows()).forEach((key, s) -> out.add(new ErrorSummary(key,
          s.figures().totals().totalRequests(), s.figures().clientErrors(), s.figures().serviceErrors(),
          s.figures().otherErrors())));
      return out;
    });
  }

  // ----- efficiency -----

  /** Output speed and cache use per model or provider with requests, ordered by key. */
  public CompletionStage<List<EfficiencySummary>> efficiency(EfficiencyGrouping by, DayRange range) {
    Breakdown breakdown = by == EfficiencyGrouping.MODEL ? Breakdown.MODEL_PROVIDER : Breakdown.PROVIDER;
    return sums(breakdown, range).thenApply(result -> {
      List<EfficiencySummary> out = new ArrayList<>();
      sumBy(result.rows()).forEach((key, s) -> out.add(new EfficiencySummary(key, s.figures())));
      return out;
    });
  }

  // ----- series -----

  /**
   * The breakdown table that carries {@code filter}'s dimensions, if one does: user -> stats_user_daily,
   * API key -> stats_daily_api_key, provider -> stats_daily_provider, model (with or without provider) ->
   * stats_daily_model_provider. Other combinations are computed live from usage.
   */
  public static Optional<Breakdown> breakdownFor(UsageFilter f) {
    boolean user = f.userId() != null;
    boolean key = f.apiKeyId() != null;
    boolean model = f.model() != null;
    boolean provider = f.provider() != null;
    if (user && !key && !model && !provider) {
      return Optional.of(Breakdown.USER);
    }
    if (key && !user && !model && !provider) {
      return Optional.of(Breakdown.API_KEY);
    }
    if (provider && !user && !key && !model) {
      return Optional.of(Breakdown.PROVIDER);
    }
    if (model && !user && !key) {
      return Optional.of(Breakdown.MODEL_PROVIDER);
    }
    return Optional.empty();
  }

  /**
   * Whether a series' range is capped at {@link #MAX_CAPPED_SERIES_DAYS}: hours (as GET /hourly), and filters
   * no stored table carries (read live from usage over the whole range).
   */
  public static boolean rangeIsCapped(Granularity granularity, UsageFilter filter) {
    return granularity == Granularity.HOUR || (!filter.isNone() && breakdownFor(filter).isEmpty());
  }

  /**
   * One point per period that overlaps the range, in order: hours of the business zone, days, weeks
   * (Monday to Sunday) or months; a period's figures cover only its days inside the range.
   */
  public CompletionStage<List<SeriesPoint>> series(Granularity granularity, DayRange range, UsageFilter filter) {
    if (rangeIsCapped(granularity, filter) && range.size() > MAX_CAPPED_SERIES_DAYS) {
      throw new InvalidRequestException((granularity == Granularity.HOUR ? "an hourly series"
          : "a series with filters no stored breakdown has (read live from usage)")
          + " covers at most " + MAX_CAPPED_SERIES_DAYS + " days, got " + range.size());
    }
    if (granularity == Granularity.HOUR) {
      return filter.isNone() && daysStartOnUtcHours(range) ? hourlyFromBuckets(range) : hourly(range, filter);
    }
    if (filter.isNone()) {
      return stats.daily(range).thenApply(days -> {
        Map<LocalDate, List<DailyStats>> byPeriod = new LinkedHashMap<>();
        days.forEach(d -> byPeriod.computeIfAbsent(periodOf(granularity, d.day()), k -> new ArrayList<>()).add(d));
        List<SeriesPoint> out = new ArrayList<>();
        byPeriod.forEach((first, list) -> {
          Totals t = Totals.ZERO;
          long fallbacks = 0;
          for (DailyStats d : list) {
            t = t.plus(d.totals());
            fallbacks += d.fallbackCount();
          }
          boolean oneDay = granularity == Granularity.DAY;
          out.add(new SeriesPoint(calendar.startOf(first), label(granularity, first), t, fallbacks,
              oneDay ? list.get(0).uniqueModels() : null, oneDay ? list.get(0).uniqueProviders() : null, true,
              source(list.stream().map(d -> d.source().wireName()).toList())));
        });
        return out;
      });
    }
    Optional<Breakdown> breakdown = breakdownFor(filter);
    if (breakdown.isEmpty()) {
      List<LocalDate> firsts = new ArrayList<>();
      List<Instant> bounds = new ArrayList<>();
      for (LocalDate d : range.days()) {
        LocalDate p = periodOf(granularity, d);
        if (firsts.isEmpty() || !firsts.get(firsts.size() - 1).equals(p)) {
          firsts.add(p);
          bounds.add(calendar.startOf(d));
        }
      }
      bounds.add(calendar.startOf(range.last().plusDays(1)));
      return Stages.call(() -> periods.figures(bounds, filter)).thenApply(figures -> {
        List<SeriesPoint> out = new ArrayList<>();
        for (int i = 0; i < firsts.size(); i++) {
          out.add(new SeriesPoint(calendar.startOf(firsts.get(i)), label(granularity, firsts.get(i)),
              figures.get(i).totals(), null, null, null, true, "live"));
        }
        return out;
      });
    }
    return rows(breakdown.get(), range).thenApply(result -> {
      Map<LocalDate, BreakdownFigures> byDay = new TreeMap<>();
      for (BreakdownRow r : result.rows()) {
        if (matches(r, filter)) {
          byDay.merge(r.day(), r.figures(), BreakdownFigures::plus);
        }
      }
      Map<LocalDate, List<LocalDate>> byPeriod = new LinkedHashMap<>();
      range.days().forEach(d -> byPeriod.computeIfAbsent(periodOf(granularity, d), k -> new ArrayList<>()).add(d));
      List<SeriesPoint> out = new ArrayList<>();
      byPeriod.forEach((first, list) -> {
        Totals t = Totals.ZERO;
        List<String> sources = new ArrayList<>();
        for (LocalDate d : list) {
          t = t.plus(byDay.getOrDefault(d, BreakdownFigures.ZERO).totals());
          sources.add(result.materialized().contains(d) ? "materialized" : "live");
        }
        out.add(new SeriesPoint(calendar.startOf(first), label(granularity, first), t, null, null, null,
            breakdown.get() != Breakdown.USER, source(sources)));
      });
      return out;
    });
  }

  /**
   * Where every day of the range starts on a UTC hour, the zone's hours are UTC hours, so the whole
   * gateway's hours come from the hour buckets (stats_hourly, the current hour and any hour without a
   * bucket live), as GET /hourly reads them; elsewhere (+05:30, +05:45) they are read live from usage.
   */
  private boolean daysStartOnUtcHours(DayRange range) {
    return range.days().stream().allMatch(d -> HourRange.isWholeHour(calendar.startOf(d)))
        && HourRange.isWholeHour(calendar.startOf(range.last().plusDays(1)));
  }

  private CompletionStage<List<SeriesPoint>> hourlyFromBuckets(DayRange range) {
    HourRange span = hours.hoursOf(range);
    return Stages.call(() -> hours.hourly(span)).thenApply(list -> {
      List<SeriesPoint> out = new ArrayList<>(list.size());
      for (var h : list) {
        out.add(new SeriesPoint(h.hour(), HOUR_LABEL.format(h.hour().atZone(calendar.zone())), h.totals(),
            h.fallbackCount(), h.uniqueModels(), h.uniqueProviders(), true, h.source().wireName()));
      }
      return out;
    });
  }

  private CompletionStage<List<SeriesPoint>> hourly(DayRange range, UsageFilter filter) {
    List<Instant> bounds = new ArrayList<>();
    for (LocalDate d : range.days()) {
      Instant end = calendar.startOf(d.plusDays(1));
      for (Instant h = calendar.startOf(d); h.isBefore(end); h = h.plus(Duration.ofHours(1))) {
        bounds.add(h);
      }
    }
    bounds.add(calendar.startOf(range.last().plusDays(1)));
    return Stages.call(() -> periods.figures(bounds, filter)).thenApply(figures -> {
      List<SeriesPoint> out = new ArrayList<>();
      for (int i = 0; i < bounds.size() - 1; i++) {
        Instant start = bounds.get(i);
        out.add(new SeriesPoint(start, HOUR_LABEL.format(start.atZone(calendar.zone())), figures.get(i).totals(),
            null, null, null, true, "live"));
      }
      return out;
    });
  }

  private static boolean matches(BreakdownRow r, UsageFilter f) {
    return switch (breakdownFor(f).orElseThrow()) {
      case USER -> r.key().equals(f.userId());
      case API_KEY -> r.key().equals(f.apiKeyId());
      case PROVIDER -> r.key().equals(f.provider());
      case MODEL_PROVIDER -> r.key().equals(f.model()) && (f.provider() == null || f.provider().equals(r.subKey()));
    };
  }

  /** The first day of the period that holds {@code day}. */
  static LocalDate periodOf(Granularity g, LocalDate day) {
    return switch (g) {
      case HOUR, DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  /** "2026-03-09", "2026-W11" (ISO week) or "2026-03". */
  static String label(Granularity g, LocalDate first) {
    return switch (g) {
      case HOUR, DAY -> first.toString();
      case WEEK -> String.format("%d-W%02d", first.get(IsoFields.WEEK_BASED_YEAR),
          first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> first.toString().substring(0, 7);
    };
  }

  private static String source(List<String> sources) {
    Set<String> distinct = Set.copyOf(sources);
    return distinct.size() == 1 ? distinct.iterator().next() : "mixed";
  }

  // ----- comparison -----

  /**
   * The range's figures and those of the range it is compared with: the as many days just before it, or
   * the same dates a year earlier (29 February -> 28 February).
   */
  public CompletionStage<Comparison> comparison(DayRange range, Against against) {
    DayRange other = switch (against) {
      case PREVIOUS -> new DayRange(range.first().minusDays(range.size()), range.first().minusDays(1));
      case YEAR -> new DayRange(range.first().minusYears(1), range.last().minusYears(1));
    };
    return period(range).thenCombine(period(other), Comparison::new);
  }

  private CompletionStage<PeriodFigures> period(DayRange range) {
    return stats.daily(range).thenApply(days -> {
      Totals t = Totals.ZERO;
      long fallbacks = 0;
      for (DailyStats d : days) {
        t = t.plus(d.totals());
        fallbacks += d.fallbackCount();
      }
      return new PeriodFigures(range, t, fallbacks);
    });
  }

  // ----- helpers -----

  /** The range's rows with its stored days summed per key (one row per key for them) by the reader. */
  private CompletionStage<StoredAndLive.Result<BreakdownRow>> sums(Breakdown breakdown, DayRange range) {
    return reads.readSums(range, (d, only) -> breakdowns.storedSums(breakdown, d, only),
        d -> breakdowns.live(breakdown, d), BreakdownRow::day);
  }

  private CompletionStage<StoredAndLive.Result<BreakdownRow>> rows(Breakdown breakdown, DayRange range) {
    return reads.read(range, d -> breakdowns.stored(breakdown, d), d -> breakdowns.live(breakdown, d),
        BreakdownRow::day);
  }

  /** Rows summed per key (over days and sub-keys), by key, with the name of the latest day that has one. */
  private static TreeMap<String, BreakdownRow> sumBy(List<BreakdownRow> rows) {
    return BreakdownRow.sumBy(rows, BreakdownRow::key, new TreeMap<>());
  }
}
