package dev.aether.stats.domain.cache;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.model.ModelDailyStats;
import dev.aether.stats.domain.model.UserDailyStats;
import dev.aether.stats.domain.port.ModelDailyStatsReader;
import dev.aether.stats.domain.port.UserDailyStatsReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The live reads (aggregations over today's usage rows, the expensive part of every dashboard request)
 * wrapped in {@link RecentResults}; stored reads pass straight through. The live parts of combined, today
 * and daily are shared with their whole answers instead ({@link SharedAnswers}).
 */
public final class CachedLiveReads {
  private CachedLiveReads() {}

  public static ModelDailyStatsReader models(ModelDailyStatsReader delegate, Clock clock, Duration ttl) {
    RecentResults<DayBounds, List<ModelDailyStats>> recent = new RecentResults<>(clock, ttl);
    return new ModelDailyStatsReader() {
      @Override
      public CompletionStage<List<ModelDailyStats>> stored(DayBounds days) {
        return delegate.stored(days);
      }

      @Override
      public CompletionStage<List<ModelDailyStats>> live(DayBounds days) {
        return recent.get(days, () -> delegate.live(days));
      }
    };
  }

  public static UserDailyStatsReader users(UserDailyStatsReader delegate, Clock clock, Duration ttl) {
    record Key(String userId, DayBounds days) {}
    RecentResults<Key, List<UserDailyStats>> recent = new RecentResults<>(clock, ttl);
    return new UserDailyStatsReader() {
      @Override
      public CompletionStage<Boolean> userExists(String userId) {
        return delegate.userExists(userId);
      }

      @Override
      public CompletionStage<List<UserDailyStats>> stored(String userId, DayBounds days) {
        return delegate.stored(userId, days);
      }

      @Override
      public CompletionStage<List<UserDailyStats>> live(String userId, DayBounds days) {
        return recent.get(new Key(Objects.requireNonNull(userId), days), () -> delegate.live(userId, days));
      }
    };
  }
}
