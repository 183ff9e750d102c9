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
    return new JsonObject()
        .put("hour", h.hour().toString())
        .put("total_requests", t.totalRequests())
        .put("success_requests", t.successRequests())
        .put("error_requests", t.errorRequests())
        .put("input_tokens", t.inputTokens())
        .put("output_tokens", t.outputTokens())
        .put("cache_creation_tokens", t.cacheCreationTokens())
        .put("cache_read_tokens", t.cacheReadTokens())
        .put("total_cost", StatsJson.cost(t.totalCost()))
        .put("actual_total_cost", StatsJson.cost(t.actualTotalCost()))
        .put("input_cost", StatsJson.cost(t.inputCost()))
        .put("output_cost", StatsJson.cost(t.outputCost()))
        .put("cache_creation_cost", StatsJson.cost(t.cacheCreationCost()))
        .put("cache_read_cost", StatsJson.cost(t.cacheReadCost()))
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
    return new JsonObject()
        .put("hour", m.hour().toString())
        .put("model", m.model())
        .put("total_requests", t.totalRequests())
        .put("success_requests", t.successRequests())
        .put("error_requests", t.errorRequests())
        .put("input_tokens", t.inputTokens())
        .put("output_tokens", t.outputTokens())
        .put("cache_creation_tokens", t.cacheCreationTokens())
        .put("cache_read_tokens", t.cacheReadTokens())
        .put("total_cost", StatsJson.cost(t.totalCost()))
        .put("avg_response_time_ms", t.avgResponseTimeMs())
        .put("source", m.source().wireName());
  }
}
