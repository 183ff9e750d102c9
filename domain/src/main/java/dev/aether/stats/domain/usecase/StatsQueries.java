package dev.aether.stats.domain.usecase;

import dev.aether.stats.domain.api.StatsQuery;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.model.CombinedStats;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.ModelDailyStats;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.model.Summary;
import dev.aether.stats.domain.model.TodayStats;
import dev.aether.stats.domain.model.Totals;
import dev.aether.stats.domain.model.UserDailyStats;
import dev.aether.stats.domain.port.DailyStatsReader;
import dev.aether.stats.domain.port.LoadLiveTotals;
import dev.aether.stats.domain.port.LoadSummary;
import dev.aether.stats.domain.port.LoadUserCounts;
import dev.aether.stats.domain.port.ModelDailyStatsReader;
import dev.aether.stats.domain.port.UserDailyStatsReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The read side: all-time, today, and day ranges, each merging stored days with live figures so that a
 * reader never sees a hole, however late the rollup is.
 */
public final class StatsQueries implements StatsQuery {
  private final LoadSummary summaries;
  private final LoadLiveTotals liveTotals;
  private final LoadUserCounts userCounts;
  private final DailyStatsReader daily;
  private final UserDailyStatsReader userDaily;
  private final ModelDailyStatsReader modelDaily;
  private final BusinessCalendar calendar;
  private final StoredAndLive reads;

  public StatsQueries(
      LoadSummary summaries,
      LoadLiveTotals liveTotals,
      LoadUserCounts userCounts,
      DailyStatsReader daily,
      UserDailyStatsReader userDaily,
      ModelDailyStatsReader modelDaily,
      BusinessCalendar calendar) {
    this.summaries = Objects.requireNonNull(summaries, "summaries");
    this.liveTotals = Objects.requireNonNull(liveTotals, "liveTotals");
    this.userCounts = Objects.requireNonNull(userCounts, "userCounts");
    this.daily = Objects.requireNonNull(daily, "daily");
    this.userDaily = Objects.requireNonNull(userDaily, "userDaily");
    this.modelDaily = Objects.requireNonNull(modelDaily, "modelDaily");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.reads = new StoredAndLive(daily, calendar);
  }

  public CompletionStage<Optional<Summary>> summary() {
    return Stages.call(summaries::load);
  }

  /**
   * Summary + every usage row from its cutoff to now + the accounts as they are now. The original aggregator added only
   * today's rows, so each day between a stale cutoff and today went missing; starting the live part at
   * the cutoff itself is gap-free whatever the cutoff's age. The totals keep only the fields the summary
   * stores (requests, tokens, total and actual cost): the others would mix all-time and recent figures.
   */
  public CompletionStage<CombinedStats> combined() {
    Instant now = calendar.now();
    var accounts = Stages.call(userCounts::load);
    return Stages.call(summaries::load).thenCompose(summary -> {
      Instant liveFrom = summary.map(Summary::cutoff).orElse(null);
      Totals stored = summary.map(Summary::allTime).orElse(Totals.ZERO);
      return Stages.call(() -> liveTotals.between(liveFrom, now)).thenCombine(accounts, (live, counts) ->
          new CombinedStats(summaryFields(stored.plus(live.totals())), counts, liveFrom, now));
    });
  }

  /** The current business day so far, live. */
  public CompletionStage<TodayStats> today() {
    Instant now = calendar.now();
    LocalDate day = calendar.dayOf(now);
    return Stages.call(() -> liveTotals.between(calendar.startOf(day), now))
        .thenApply(live -> new TodayStats(day, calendar.zone(), live));
  }

  /** One row per day of {@code range}, in order: stored when materialized and closed, else live. */
  public CompletionStage<List<DailyStats>> daily(DayRange range) {
    LocalDate today = calendar.dayOf(calendar.now());
    Optional<DayRange> closed = ReadSplit.closedPart(range, today);
    return storedOver(closed, daily::stored).thenCompose(storedRows -> {
      Map<LocalDate, DailyStats> byDay = new HashMap<>();
      storedRows.stream().filter(r -> closed.map(c -> c.contains(r.day())).orElse(false))
          .forEach(r -> byDay.put(r.day(), r));
      List<DayRange> runs = ReadSplit.liveRuns(range, today, byDay.keySet());
      return liveOver(runs, daily::live).thenApply(liveRows -> {
        liveRows.stream().filter(r -> isLiveDay(r.day(), range, today, byDay.keySet()))
            .forEach(r -> byDay.put(r.day(), r));
        List<DailyStats> out = new ArrayList<>(range.size());
        for (LocalDate day : range.days()) {
          // The live reader returns zero rows for empty days; this only guards against one that does not.
          out.add(byDay.getOrDefault(day,
              new DailyStats(day, calendar.startOf(day), Totals.ZERO, 0, 0, 0, Source.LIVE)));
        }
        return out;
      });
    });
  }

  /** The user's days with rows, in order; empty when there is no such user. */
  public CompletionStage<Optional<List<UserDailyStats>>> userDaily(String userId, DayRange range) {
    Objects.requireNonNull(userId, "userId");
    return Stages.call(() -> userDaily.userExists(userId)).thenCompose(exists -> !exists
        ? Stages.done(Optional.empty())
        : perKey(range, days -> userDaily.stored(userId, days), days -> userDaily.live(userId, days),
                UserDailyStats::day, Comparator.comparing(UserDailyStats::day))
            .thenApply(Optional::of));
  }

  /** Every (day, model) with rows, ordered by day then model. */
  public CompletionStage<List<ModelDailyStats>> modelDaily(DayRange range) {
    return perKey(range, modelDaily::stored, modelDaily::live, ModelDailyStats::day,
        Comparator.comparing(ModelDailyStats::day).thenComparing(ModelDailyStats::model));
  }

  /** Per-key rows of the range, stored or live day by day (see {@link StoredAndLive}), in {@code order}. */
  private <T> CompletionStage<List<T>> perKey(
      DayRange range,
      Function<DayBounds, CompletionStage<List<T>>> stored,
      Function<DayBounds, CompletionStage<List<T>>> live,
      Function<T, LocalDate> dayOf,
      Comparator<T> order) {
    return reads.read(range, stored, live, dayOf).thenApply(result -> {
      List<T> out = new ArrayList<>(result.rows());
      out.sort(order);
      return out;
    });
  }

  private static boolean isLiveDay(LocalDate day, DayRange range, LocalDate today, Set<LocalDate> stored) {
    return range.contains(day) && !ReadSplit.isStored(day, today, stored);
  }

  private <T> CompletionStage<List<T>> storedOver(
      Optional<DayRange> closed, Function<DayBounds, CompletionStage<List<T>>> read) {
    return reads.storedOver(closed, read);
  }

  private <T> CompletionStage<List<T>> liveOver(
      List<DayRange> runs, Function<DayBounds, CompletionStage<List<T>>> read) {
    return reads.liveOver(runs, read);
  }

  private static Totals summaryFields(Totals t) {
    BigDecimal zero = BigDecimal.ZERO;
    return new Totals(t.totalRequests(), t.errorRequests(), t.inputTokens(), t.outputTokens(),
        t.cacheCreationTokens(), t.cacheReadTokens(), t.totalCost(), t.actualTotalCost(),
        zero, zero, zero, zero, 0, 0);
  }
}
