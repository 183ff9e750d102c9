package dev.aether.stats.domain.fakes;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.HourlyStats;
import dev.aether.stats.domain.model.ModelHourlyStats;
import dev.aether.stats.domain.model.LiveTotals;
import dev.aether.stats.domain.model.ModelDailyStats;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.model.Summary;
import dev.aether.stats.domain.model.Totals;
import dev.aether.stats.domain.model.UserCounts;
import dev.aether.stats.domain.model.UserDailyStats;
import dev.aether.stats.domain.port.ChangedHour;
import dev.aether.stats.domain.port.DailyStatsReader;
import dev.aether.stats.domain.port.HourlyStatsReader;
import dev.aether.stats.domain.port.ModelHourlyStatsReader;
import dev.aether.stats.domain.port.ModelDailyStatsReader;
import dev.aether.stats.domain.port.RollupState;
import dev.aether.stats.domain.port.UserDailyStatsReader;
import dev.aether.stats.domain.run.DayOutcome;
import dev.aether.stats.domain.run.HourOutcome;
import dev.aether.stats.domain.run.RunRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The gateway's database in memory: raw source rows, the stats tables, the run log and the tick lease,
 * with every port computed naively from the rows ({@link #ports()}). It is the Java oracle of the
 * semantics and the fake behind the use-case tests. Thread-safe (one lock); stages complete at once.
 */
public final class InMemoryGateway implements GatewayData {
  private final Clock clock;
  private final Map<String, UserRow> users = new LinkedHashMap<>();
  private final Map<String, ApiKeyRow> apiKeys = new LinkedHashMap<>();
  private final Map<String, UsageRow> usage = new LinkedHashMap<>();
  private final Map<String, CandidateRow> candidates = new LinkedHashMap<>();
  // The stats tables, keyed by day start as the "date" column is.
  private final TreeMap<Instant, DailyStats> storedDaily = new TreeMap<>();
  private final Map<Instant, TreeMap<String, UserDailyStats>> storedUserDaily = new TreeMap<>();
  private final Map<Instant, TreeMap<String, ModelDailyStats>> storedModelDaily = new TreeMap<>();
  // The hour buckets, keyed by hour start.
  private final TreeMap<Instant, HourlyStats> storedHourly = new TreeMap<>();
  private final Map<Instant, TreeMap<String, ModelHourlyStats>> storedModelHourly = new TreeMap<>();
  // Hours last written while in progress (partial buckets): not served by the hour readers; the fake's live
  // reads compute from the rows directly, so the partial figures themselves are not kept.
  private final java.util.Set<Instant> partialHours = new java.util.TreeSet<>();
  // Each materialized day's rows as they were then: the breakdown tables and histograms are computed from them.
  private final Map<Instant, List<UsageRow>> materializedRows = new TreeMap<>();
  private Summary summary;
  private final InMemoryRunLog runLog;
  private final InMemoryTickLease lease = new InMemoryTickLease();

  public InMemoryGateway(Clock clock) {
    this.clock = clock;
    this.runLog = new InMemoryRunLog(clock);
  }

  /** Every port, over this gateway's rows. */
  public StatsPorts ports() {
    return new StatsPorts(
        days -> now(() -> materialize(days)),
        (cutoff, dayStarts) -> now(() -> refreshSummary(cutoff, dayStarts)),
        () -> now(() -> Optional.ofNullable(summary)),
        (from, to) -> now(() -> liveTotals(from, to)),
        () -> now(this::userCounts),
        new DailyStatsReader() {
          @Override
          public CompletionStage<List<DailyStats>> stored(DayBounds days) {
            return now(() -> storedDaily(days));
          }

          @Override
          public CompletionStage<List<DailyStats>> live(DayBounds days) {
            return now(() -> liveDaily(days));
          }
        },
        new UserDailyStatsReader() {
          @Override
          public CompletionStage<Boolean> userExists(String userId) {
            return now(() -> users.containsKey(userId));
          }

          @Override
          public CompletionStage<List<UserDailyStats>> stored(String userId, DayBounds days) {
            return now(() -> storedUserDaily(userId, days));
          }

          @Override
          public CompletionStage<List<UserDailyStats>> live(String userId, DayBounds days) {
            return now(() -> liveUserDaily(userId, days));
          }
        },
        new ModelDailyStatsReader() {
          @Override
          public CompletionStage<List<ModelDailyStats>> stored(DayBounds days) {
            return now(() -> storedModelDaily(days));
          }

          @Override
          public CompletionStage<List<ModelDailyStats>> live(DayBounds days) {
            return now(() -> liveModelDaily(days));
          }
        },
        () -> now(this::rollupState),
        runLog,
        lease);
  }

  /** The ports of the hour buckets, over the same rows. */
  public HourPorts hourPorts() {
    return new HourPorts(
        (hours, until) -> now(() -> materializeHours(hours, until)),
        new HourlyStatsReader() {
          @Override
          public CompletionStage<List<HourlyStats>> stored(HourRange hours) {
            return now(() -> List.copyOf(storedHourly.subMap(hours.from(), hours.to()).values()));
          }

          @Override
          public CompletionStage<List<HourlyStats>> live(HourRange hours) {
            return now(() -> hours.hours().stream().map(h -> hourly(h, Source.LIVE)).toList());
          }

          @Override
          public CompletionStage<Optional<Instant>> newestStoredHour() {
            return now(() -> storedHourly.isEmpty() ? Optional.empty() : Optional.of(storedHourly.lastKey()));
          }
        },
        new ModelHourlyStatsReader() {
          @Override
          public CompletionStage<List<ModelHourlyStats>> stored(HourRange hours) {
            return now(() -> hours.hours().stream()
                .flatMap(h -> storedModelHourly.getOrDefault(h, new TreeMap<>()).values().stream()).toList());
          }

          @Override
          public CompletionStage<List<ModelHourlyStats>> live(HourRange hours) {
            return now(() -> hours.hours().stream().flatMap(h -> modelHourly(h, Source.LIVE).stream()).toList());
          }
        },
        hours -> now(() -> changedHours(hours)));
  }

  /** The analytics ports (breakdowns, latency histograms, period figures), over this gateway's rows. */
  public AnalyticsPorts analyticsPorts() {
    InMemoryAnalytics a = new InMemoryAnalytics(this);
    return new AnalyticsPorts(a.breakdowns(), a.histograms(), a.periods());
  }

  synchronized List<UsageRow> rowsBetween(Instant start, Instant end) {
    return rowsIn(start, end);
  }

  /** The rows of the day starting at {@code start} when it was last materialized; null if it never was. */
  synchronized List<UsageRow> materializedRows(Instant start) {
    return materializedRows.get(start);
  }

  synchronized String apiKeyName(String id) {
    ApiKeyRow k = apiKeys.get(id);
    return k == null ? null : k.name();
  }

  // ----- inspection for tests of the use cases -----

  public synchronized List<RunRecord> runs() {
    return runLog.all();
  }

  public boolean leaseHeld() {
    return lease.isHeld();
  }

  public synchronized Set<Instant> storedDayStarts() {
    return new HashSet<>(storedDaily.keySet());
  }

  // ----- GatewayData: the source tables, with the database's constraints -----

  @Override
  public synchronized void addUser(UserRow user) {
    require(!users.containsKey(user.id()), "duplicate user " + user.id());
    users.put(user.id(), user);
  }

  @Override
  public synchronized void updateUser(UserRow user) {
    require(users.containsKey(user.id()), "no user " + user.id());
    users.put(user.id(), user);
  }

  @Override
  public synchronized void addApiKey(ApiKeyRow key) {
    require(!apiKeys.containsKey(key.id()), "duplicate api key " + key.id());
    require(users.containsKey(key.userId()), "api key " + key.id() + " of unknown user " + key.userId());
    apiKeys.put(key.id(), key);
  }

  @Override
  public synchronized void updateApiKey(ApiKeyRow key) {
    require(apiKeys.containsKey(key.id()), "no api key " + key.id());
    apiKeys.put(key.id(), key);
  }

  @Override
  public synchronized void addUsage(UsageRow row) {
    require(!usage.containsKey(row.id()), "duplicate usage id " + row.id());
    require(usage.values().stream().noneMatch(u -> u.requestId().equals(row.requestId())),
        "duplicate request id " + row.requestId());
    checkReferences(row);
    usage.put(row.id(), row);
  }

  @Override
  public synchronized void updateUsage(UsageRow row) {
    UsageRow old = usage.get(row.id());
    require(old != null, "no usage row " + row.id());
    require(usage.values().stream().noneMatch(u -> !u.id().equals(row.id()) && u.requestId().equals(row.requestId())),
        "duplicate request id " + row.requestId());
    checkReferences(row);
    usage.put(row.id(), row);
  }

  @Override
  public synchronized void deleteUsage(String id) {
    require(usage.remove(id) != null, "no usage row " + id);
  }

  @Override
  public synchronized int deleteUsageBefore(Instant instant) {
    int before = usage.size();
    usage.values().removeIf(r -> r.createdAt().isBefore(instant));
    return before - usage.size();
  }

  @Override
  public synchronized void addCandidate(CandidateRow c) {
    require(!candidates.containsKey(c.id()), "duplicate candidate " + c.id());
    require(candidates.values().stream().noneMatch(o -> o.requestId().equals(c.requestId())
            && o.candidateIndex() == c.candidateIndex() && o.retryIndex() == c.retryIndex()),
        "duplicate candidate slot of " + c.requestId());
    candidates.put(c.id(), c);
  }

  // ----- the ports' semantics -----

  private synchronized List<DayOutcome> materialize(DayBounds days) {
    Optional<Instant> earliest = usage.values().stream().map(UsageRow::createdAt).min(Instant::compareTo);
    List<DayOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < days.range().size(); i++) {
      LocalDate day = days.day(i);
      Instant start = days.startOf(i);
      Instant end = days.startOf(i + 1);
      // retention deleted raw rows of this day: it starts before the earliest row left, and fewer rows are
      // left than its stored row counts
      boolean startsBeforeRetained = earliest.map(start::isBefore).orElse(true);
      DailyStats stored = storedDaily.get(start);
      if (stored != null && startsBeforeRetained
          && stored.totals().totalRequests() > rowsIn(start, end).size()) {
        outcomes.add(new DayOutcome(day, start, DayOutcome.Kind.PROTECTED, 0));
        continue;
      }
      List<UsageRow> rows = rowsIn(start, end);
      // rows another zone's day boundaries left strictly inside this day are replaced, never added to
      storedDaily.subMap(start, false, end, false).clear();
      storedUserDaily.keySet().removeIf(k -> k.isAfter(start) && k.isBefore(end));
      storedModelDaily.keySet().removeIf(k -> k.isAfter(start) && k.isBefore(end));
      storedDaily.put(start, daily(day, start, end, rows, Source.MATERIALIZED));
      TreeMap<String, UserDailyStats> byUser = new TreeMap<>();
      userDaily(day, start, rows, Source.MATERIALIZED).forEach(u -> byUser.put(u.userId(), u));
      storedUserDaily.put(start, byUser);
      TreeMap<String, ModelDailyStats> byModel = new TreeMap<>();
      modelDaily(day, start, rows, Source.MATERIALIZED).forEach(m -> byModel.put(m.model(), m));
      storedModelDaily.put(start, byModel);
      materializedRows.put(start, List.copyOf(rows));
      outcomes.add(new DayOutcome(day, start, DayOutcome.Kind.WRITTEN, rows.size()));
    }
    return outcomes;
  }

  private synchronized List<HourOutcome> materializeHours(HourRange hours, Instant until) {
    Optional<Instant> earliest = usage.values().stream().map(UsageRow::createdAt).min(Instant::compareTo);
    List<HourOutcome> outcomes = new ArrayList<>();
    for (Instant h : hours.hours()) {
      List<UsageRow> rows = rowsIn(h, h.plusSeconds(3600));
      HourlyStats stored = storedHourly.get(h);
      if (stored != null && earliest.map(h::isBefore).orElse(true)
          && stored.totals().totalRequests() > rows.size()) {
        outcomes.add(new HourOutcome(h, DayOutcome.Kind.PROTECTED, 0));
        continue;
      }
      if (h.plusSeconds(3600).isAfter(until)) {
        storedHourly.remove(h);
        storedModelHourly.remove(h);
        partialHours.add(h);
        outcomes.add(new HourOutcome(h, DayOutcome.Kind.WRITTEN, h.isBefore(until) ? rowsIn(h, until).size() : 0));
        continue;
      }
      partialHours.remove(h);
      storedHourly.put(h, hourly(h, Source.MATERIALIZED));
      TreeMap<String, ModelHourlyStats> byModel = new TreeMap<>();
      modelHourly(h, Source.MATERIALIZED).forEach(m -> byModel.put(m.model(), m));
      storedModelHourly.put(h, byModel);
      outcomes.add(new HourOutcome(h, DayOutcome.Kind.WRITTEN, rows.size()));
    }
    return outcomes;
  }

  /** The hour's figures from its rows now; unsettled = its rows still pending or streaming. */
  private HourlyStats hourly(Instant h, Source source) {
    Instant end = h.plusSeconds(3600);
    List<UsageRow> rows = rowsIn(h, end);
    return new HourlyStats(h, NaiveStats.totals(rows), NaiveStats.fallbackCount(candidates.values(), h, end),
        NaiveStats.distinct(rows, UsageRow::model), NaiveStats.distinct(rows, UsageRow::provider),
        rows.stream().filter(NaiveStats::isUnsettled).count(), source);
  }

  private List<ModelHourlyStats> modelHourly(Instant h, Source source) {
    Map<String, List<UsageRow>> byModel = new TreeMap<>();
    rowsIn(h, h.plusSeconds(3600)).forEach(r -> byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r));
    List<ModelHourlyStats> out = new ArrayList<>();
    byModel.forEach((model, rows) -> out.add(new ModelHourlyStats(h, model,
        NaiveStats.modelFields(NaiveStats.totals(rows)), source)));
    return out;
  }

  /** FindChangedHours: compares the hour's row counts now with what its bucket recorded. */
  private synchronized List<ChangedHour> changedHours(HourRange hours) {
    Optional<Instant> earliest = usage.values().stream().map(UsageRow::createdAt).min(Instant::compareTo);
    List<ChangedHour> out = new ArrayList<>();
    for (Instant h : hours.hours()) {
      List<UsageRow> rows = rowsIn(h, h.plusSeconds(3600));
      long unsettled = rows.stream().filter(NaiveStats::isUnsettled).count();
      HourlyStats stored = storedHourly.get(h);
      ChangedHour.Reason reason = partialHours.contains(h) ? ChangedHour.Reason.PARTIAL
          : stored == null ? ChangedHour.Reason.MISSING
          : stored.unsettledRequests() > 0 ? ChangedHour.Reason.UNSETTLED
          : stored.totals().totalRequests() != rows.size() ? ChangedHour.Reason.ROWS
          : stored.unsettledRequests() != unsettled ? ChangedHour.Reason.SETTLED : null;
      boolean protectedHour = stored != null && stored.totals().totalRequests() > rows.size()
          && earliest.map(h::isBefore).orElse(true);
      if (reason != null && !protectedHour) {
        out.add(new ChangedHour(h, reason));
      }
    }
    return out;
  }

  private synchronized Summary refreshSummary(Instant cutoff, List<Instant> dayStarts) {
    Totals all = Totals.ZERO;
    Set<Instant> counted = new HashSet<>(dayStarts);
    for (Map.Entry<Instant, DailyStats> d : storedDaily.headMap(cutoff, false).entrySet()) {
      if (counted.contains(d.getKey())) {
        all = all.plus(d.getValue().totals());
      }
    }
    summary = new Summary(cutoff, NaiveStats.summaryFields(all), userCounts(), clock.instant());
    return summary;
  }

  private synchronized LiveTotals liveTotals(Instant from, Instant to) {
    List<UsageRow> rows = usage.values().stream()
        .filter(r -> NaiveStats.inWindow(r.createdAt(), from, to)).toList();
    return new LiveTotals(from, to, NaiveStats.totals(rows),
        rows.stream().filter(NaiveStats::isUnsettled).count());
  }

  private synchronized UserCounts userCounts() {
    long total = users.values().stream().filter(u -> !u.deleted()).count();
    long active = users.values().stream().filter(u -> !u.deleted() && u.active()).count();
    long activeKeys = apiKeys.values().stream().filter(ApiKeyRow::active).count();
    return new UserCounts(total, active, apiKeys.size(), activeKeys);
  }

  private synchronized RollupState rollupState() {
    return new RollupState(
        Optional.ofNullable(summary).map(Summary::cutoff),
        usage.values().stream().map(UsageRow::createdAt).min(Instant::compareTo),
        new ArrayList<>(storedDaily.keySet()));
  }

  private synchronized List<DailyStats> storedDaily(DayBounds days) {
    List<DailyStats> out = new ArrayList<>();
    for (int i = 0; i < days.range().size(); i++) {
      Optional.ofNullable(storedDaily.get(days.startOf(i))).ifPresent(out::add);
    }
    return out;
  }

  private synchronized List<DailyStats> liveDaily(DayBounds days) {
    List<DailyStats> out = new ArrayList<>();
    for (int i = 0; i < days.range().size(); i++) {
      Instant start = days.startOf(i);
      Instant end = days.startOf(i + 1);
      out.add(daily(days.day(i), start, end, rowsIn(start, end), Source.LIVE));
    }
    return out;
  }

  private synchronized List<UserDailyStats> storedUserDaily(String userId, DayBounds days) {
    List<UserDailyStats> out = new ArrayList<>();
    for (int i = 0; i < days.range().size(); i++) {
      Optional.ofNullable(storedUserDaily.get(days.startOf(i))).map(m -> m.get(userId)).ifPresent(out::add);
    }
    return out;
  }

  private synchronized List<UserDailyStats> liveUserDaily(String userId, DayBounds days) {
    List<UserDailyStats> out = new ArrayList<>();
    for (int i = 0; i < days.range().size(); i++) {
      Instant start = days.startOf(i);
      userDaily(days.day(i), start, rowsIn(start, days.startOf(i + 1)), Source.LIVE).stream()
          .filter(u -> u.userId().equals(userId)).forEach(out::add);
    }
    return out;
  }

  private synchronized List<ModelDailyStats> storedModelDaily(DayBounds days) {
    List<ModelDailyStats> out = new ArrayList<>();
    for (int i = 0; i < days.range().size(); i++) {
      Optional.ofNullable(storedModelDaily.get(days.startOf(i))).ifPresent(m -> out.addAll(m.values()));
    }
    return out;
  }

  private synchronized List<ModelDailyStats> liveModelDaily(DayBounds days) {
    List<ModelDailyStats> out = new ArrayList<>();
    for (int i = 0; i < days.range().size(); i++) {
      Instant start = days.startOf(i);
      out.addAll(modelDaily(days.day(i), start, rowsIn(start, days.startOf(i + 1)), Source.LIVE));
    }
    return out;
  }

  // ----- one day's figures from its rows -----

  private List<UsageRow> rowsIn(Instant start, Instant end) {
    return usage.values().stream().filter(r -> NaiveStats.inWindow(r.createdAt(), start, end)).toList();
  }

  private DailyStats daily(LocalDate day, Instant start, Instant end, List<UsageRow> rows, Source source) {
    return new DailyStats(day, start, NaiveStats.totals(rows),
        NaiveStats.fallbackCount(candidates.values(), start, end),
        NaiveStats.distinct(rows, UsageRow::model), NaiveStats.distinct(rows, UsageRow::provider), source);
  }

  private static List<UserDailyStats> userDaily(LocalDate day, Instant start, List<UsageRow> rows, Source source) {
    Map<String, List<UsageRow>> byUser = new TreeMap<>();
    rows.stream().filter(r -> r.userId() != null)
        .forEach(r -> byUser.computeIfAbsent(r.userId(), k -> new ArrayList<>()).add(r));
    List<UserDailyStats> out = new ArrayList<>();
    byUser.forEach((user, userRows) -> out.add(new UserDailyStats(day, start, user,
        NaiveStats.userFields(NaiveStats.totals(userRows)), source)));
    return out;
  }

  private static List<ModelDailyStats> modelDaily(LocalDate day, Instant start, List<UsageRow> rows, Source source) {
    Map<String, List<UsageRow>> byModel = new TreeMap<>();
    rows.forEach(r -> byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r));
    List<ModelDailyStats> out = new ArrayList<>();
    byModel.forEach((model, modelRows) -> out.add(new ModelDailyStats(day, start, model,
        NaiveStats.modelFields(NaiveStats.totals(modelRows)), source)));
    return out;
  }

  private void checkReferences(UsageRow row) {
    require(row.userId() == null || users.containsKey(row.userId()), "usage of unknown user " + row.userId());
    require(row.apiKeyId() == null || apiKeys.containsKey(row.apiKeyId()),
        "usage with unknown api key " + row.apiKeyId());
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Runs a port's work under the lock, turning an exception into a failed stage as an adapter would. */
  private <T> CompletionStage<T> now(Supplier<T> work) {
    try {
      synchronized (this) {
        return CompletableFuture.completedFuture(work.get());
      }
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
