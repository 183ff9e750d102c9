package dev.aether.stats.domain.port;

import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.model.HourlyStats;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Whole-gateway UTC hours: as stored in the hour buckets, or computed live from the usage rows. */
public interface HourlyStatsReader {
  /**
   * The complete stored buckets of those hours (hours without one, or with only a partial bucket of an hour
   * that was in progress when written, are absent), ordered by hour.
   */
  CompletionStage<List<HourlyStats>> stored(HourRange hours);

  /** The same figures computed from usage now, one per hour (zeros for an empty hour), ordered by hour. */
  CompletionStage<List<HourlyStats>> live(HourRange hours);

  /** The start of the newest hour with a complete bucket, if any (for the bucket-age gauge). */
  CompletionStage<Optional<Instant>> newestStoredHour();
}
