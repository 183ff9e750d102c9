package dev.aether.stats.domain.port;

import dev.aether.stats.domain.calendar.HourRange;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The hours of a range whose bucket no longer matches the usage rows, found by a cheap count (no sums):
 * an hour without a bucket (live reads use buckets only up to the first hour without one); an hour that held 'pending' or 'streaming' rows when written;
 * an hour whose number of rows, or of pending/streaming rows, differs from what its bucket recorded.
 * Hours the retention rule protects are not reported. A completed row updated in place (same counts) is
 * not seen: the days' settle window or a rollup catches it. Ordered by hour, each with the first reason
 * that applies (in the order of {@link ChangedHour.Reason}).
 */
public interface FindChangedHours {
  CompletionStage<List<ChangedHour>> changed(HourRange hours);
}
