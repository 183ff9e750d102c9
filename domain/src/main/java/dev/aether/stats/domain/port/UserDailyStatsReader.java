package dev.aether.stats.domain.port;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.model.UserDailyStats;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** One user's days: as stored, or computed live. Days without rows are absent from both. */
public interface UserDailyStatsReader {
  /** Whether a users row has this id, soft-deleted or not (a soft-deleted user's history stays readable). */
  CompletionStage<Boolean> userExists(String userId);

  CompletionStage<List<UserDailyStats>> stored(String userId, DayBounds days);

  CompletionStage<List<UserDailyStats>> live(String userId, DayBounds days);
}
