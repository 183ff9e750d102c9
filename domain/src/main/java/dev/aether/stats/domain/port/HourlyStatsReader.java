package dev.aether.stats.domain.port;

import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.model.HourlyStats;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Whole-gateway UTC hours: as stored in the hour buckets, or computed live from the usage rows. */
public interface HourlyStatsReader {
  /** The stored stats_hourly rows of those hours (hours without a row are absent), ordered by hour. */
  CompletionStage<List<HourlyStats>> stored(HourRange hours);

  /** The same figures computed from usage now, one per hour (zeros for an empty hour), ordered by hour. */
  CompletionStage<List<HourlyStats>> live(HourRange hours);

  /** The start of the newest stored hour, if any (for the bucket-age gauge). */
  CompletionStage<Optional<Instant>> newestStoredHour();
}
