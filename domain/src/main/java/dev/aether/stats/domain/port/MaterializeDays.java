package dev.aether.stats.domain.port;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.run.DayOutcome;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Recomputes the daily, per-user and per-model statistics of the given consecutive days from the usage
 * rows and replaces the stored rows, atomically for the whole batch. Writers are serialized across
 * processes.
 *
 * <ul>
 *   <li>A day is PROTECTED (left exactly as stored, rowsRead 0) when it starts before the earliest usage
 *       row still retained (or no usage row is retained at all) and its stored stats_daily row counts more
 *       requests than the usage rows left for it: retention deleted (some of) its raw rows. (The gateway's
 *       first day also starts before the earliest row; while all its rows are there it stays WRITTEN.)
 *   <li>Any other day is WRITTEN, with rowsRead = its usage rows: its stats_daily row (zeros for an empty
 *       day: that row is how readers know the day was materialized), and exactly one per-user row per
 *       non-null user_id and one per-model row per model of the day; stored breakdown rows of keys that no
 *       longer have rows that day are deleted.
 * </ul>
 *
 * Returns one outcome per day, in order.
 */
public interface MaterializeDays {
  CompletionStage<List<DayOutcome>> materialize(DayBounds days);
}
