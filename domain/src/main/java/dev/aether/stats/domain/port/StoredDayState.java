package dev.aether.stats.domain.port;

import dev.aether.stats.domain.calendar.DayBounds;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * How the stored days of a range stand: how many stats_daily rows they have and when the newest of them was
 * written. A day is materialized in one statement that rewrites its stats_daily row (new updated_at) with
 * all its breakdown and histogram rows, and a day removed loses its stats_daily row, so anything read from
 * the day tables of the range stays what they hold while this state is unchanged.
 */
public interface StoredDayState {
  /** The stats_daily rows at the day starts of {@code days}' range. */
  CompletionStage<State> of(DayBounds days);

  /** {@code newestWrite} is null when no day of the range is stored. */
  record State(long storedDays, Instant newestWrite) {}
}
