package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.model.HourlyStats;
import dev.aether.stats.domain.model.ModelHourlyStats;
import dev.aether.stats.domain.model.Totals;
import io.vertx.core.json.JsonObject;

/** JSON views of the hour reads: the day views' fields, with {@code hour} (a UTC instant) for {@code date}. */
final class HourlyJson {
  private HourlyJson() {}

  /** Every stats_daily field for one UTC hour, the hour's pending/streaming rows, and its source. */
  static JsonObject hourly(HourlyStats h) {
    Totals t = h.totals();
    JsonObject o = StatsJson.requestsAndTokens(new JsonObject().put("hour", h.hour().toString()), t);
    return StatsJson.costs(o, t)
        .put("avg_response_time_ms", t.avgResponseTimeMs())
        .put("fallback_count", h.fallbackCount())
        .put("unique_models", h.uniqueModels())
        .put("unique_providers", h.uniqueProviders())
        .put("unsettled_requests", h.unsettledRequests())
        .put("source", h.source().wireName());
  }

  /** One UTC hour of one model: the stats_daily_model fields. */
  static JsonObject modelHourly(ModelHourlyStats m) {
    Totals t = m.totals();
    return StatsJson.requestsAndTokens(new JsonObject().put("hour", m.hour().toString()).put("model", m.model()), t)
        .put("total_cost", StatsJson.cost(t.totalCost()))
        .put("avg_response_time_ms", t.avgResponseTimeMs())
        .put("source", m.source().wireName());
  }
}
