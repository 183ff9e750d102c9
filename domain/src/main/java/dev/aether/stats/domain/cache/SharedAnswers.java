package dev.aether.stats.domain.cache;

import dev.aether.stats.domain.api.StatsQuery;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.model.CombinedStats;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.ModelDailyStats;
import dev.aether.stats.domain.model.Summary;
import dev.aether.stats.domain.model.TodayStats;
import dev.aether.stats.domain.model.UserDailyStats;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The dashboard's polled reads, combined, today and daily (per range), each answer shared whole among the
 * callers of the same {@code ttl} (see {@link RecentResults}: callers that arrive while it is computed wait
 * for that one computation). Sharing the whole answer, not only its live aggregation, also shares the
 * queries around it: combined's summary and account counts, daily's stored days; combined's {@code asOf}
 * says when it was computed. The other reads pass straight through.
 */
public final class SharedAnswers implements StatsQuery {
  private enum Key { COMBINED, TODAY }

  /** Distinct day ranges kept at most (past it, expired ones are dropped): each holds up to a year of rows. */
  private static final int MAX_RANGES = 100;

  private final StatsQuery delegate;
  private final RecentResults<Key, CombinedStats> combined;
  private final RecentResults<Key, TodayStats> today;
  private final RecentResults<DayRange, List<DailyStats>> daily;

  public SharedAnswers(StatsQuery delegate, Clock clock, Duration ttl) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.combined = new RecentResults<>(clock, ttl);
    this.today = new RecentResults<>(clock, ttl);
    this.daily = new RecentResults<>(clock, ttl, MAX_RANGES);
  }

  @Override
  public CompletionStage<CombinedStats> combined() {
    return combined.get(Key.COMBINED, delegate::combined);
  }

  @Override
  public CompletionStage<TodayStats> today() {
    return today.get(Key.TODAY, delegate::today);
  }

  @Override
  public CompletionStage<Optional<Summary>> summary() {
    return delegate.summary();
  }

  @Override
  public CompletionStage<List<DailyStats>> daily(DayRange range) {
    return daily.get(Objects.requireNonNull(range, "range"), () -> delegate.daily(range));
  }

  @Override
  public CompletionStage<Optional<List<UserDailyStats>>> userDaily(String userId, DayRange range) {
    return delegate.userDaily(userId, range);
  }

  @Override
  public CompletionStage<List<ModelDailyStats>> modelDaily(DayRange range) {
    return delegate.modelDaily(range);
  }
}
