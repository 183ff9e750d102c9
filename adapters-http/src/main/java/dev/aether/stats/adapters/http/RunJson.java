package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.run.RunRecord;
import io.vertx.core.json.JsonObject;

/** JSON view of a recorded rollup run (stats_rollup_runs). first_day/last_day are null for a run with no range. */
final class RunJson {
  private RunJson() {}

  static JsonObject run(RunRecord r) {
    return new JsonObject()
        .put("id", r.id())
        .put("kind", r.kind().wireName())
        .put("status", r.status().wireName())
        .put("first_day", r.range() == null ? null : r.range().first().toString())
        .put("last_day", r.range() == null ? null : r.range().last().toString())
        .put("time_zone", r.timeZone())
        .put("days_written", r.daysWritten())
        .put("days_skipped", r.daysSkipped())
        .put("rows_read", r.rowsRead())
        .put("started_at", StatsJson.instant(r.startedAt()))
        .put("finished_at", StatsJson.instant(r.finishedAt()))
        .put("error", r.error())
        .put("owner", r.owner());
  }
}
