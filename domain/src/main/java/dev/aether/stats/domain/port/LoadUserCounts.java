package dev.aether.stats.domain.port;

import dev.aether.stats.domain.model.UserCounts;
import java.util.concurrent.CompletionStage;

/** Counts users (soft-deleted ones excluded) and API keys as they are now. */
public interface LoadUserCounts {
  CompletionStage<UserCounts> load();
}
