package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.model.Comparison;
import dev.aether.stats.domain.model.EfficiencySummary;
import dev.aether.stats.domain.model.ErrorSummary;
import dev.aether.stats.domain.model.LatencySummary;
import dev.aether.stats.domain.model.LeaderboardEntry;
import dev.aether.stats.domain.model.PeriodFigures;
import dev.aether.stats.domain.model.SeriesPoint;
import dev.aether.stats.domain.model.Totals;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON views of the analytics reads (issue 11): flat objects, snake_case, the daily endpoint's names for
 * the daily figures; null where a figure is unknown or a ratio has no denominator.
 */
final class AnalyticsJson {
  private AnalyticsJson() {}

  static JsonObject leaderboard(LeaderboardEntry e) {
    return new JsonObject()
        .put("rank", e.rank())
        .put("id", e.id())
        .put("name", e.name())
        .put("total_requests", e.totalRequests())
        .put("error_requests", e.errorRequests())
        .put("total_tokens", e.totalTokens())
        .put("total_cost", StatsJson.cost(e.totalCost()))
        .put("value", e.value())
        .put("share", e.share());
  }

  static JsonObject latency(LatencySummary s) {
    return new JsonObject()
        .put("key", s.key())
        .put("completed_requests", s.completedRequests())
        .put("response_p50_ms", s.responseP50Ms())
        .put("response_p90_ms", s.responseP90Ms())
        .put("response_p99_ms", s.responseP99Ms())
        .put("response_max_ms", s.responseMaxMs())
        .put("first_byte_p50_ms", s.firstByteP50Ms())
        .put("first_byte_p90_ms", s.firstByteP90Ms())
        .put("first_byte_p99_ms", s.firstByteP99Ms())
        .put("first_byte_max_ms", s.firstByteMaxMs());
  }

  static JsonObject errors(ErrorSummary e) {
    return new JsonObject()
        .put("key", e.key())
        .put("total_requests", e.totalRequests())
        .put("client_errors", e.clientErrors())
        .put("service_errors", e.serviceErrors())
        .put("other_errors", e.otherErrors())
        .put("success_rate", e.successRate())
        .put("success_rate_excluding_client_errors", e.successRateExcludingClientErrors());
  }

  static JsonObject efficiency(EfficiencySummary e) {
    Totals t = e.figures().totals();
    return new JsonObject()
        .put("key", e.key())
        .put("total_requests", t.totalRequests())
        .put("output_tokens", t.outputTokens())
        .put("output_tokens_per_second", e.outputTokensPerSecond())
        .put("cache_hit_requests", e.figures().cacheHitRequests())
        .put("cache_hit_rate", e.cacheHitRate())
        .put("cache_read_tokens", t.cacheReadTokens())
        .put("cache_read_share", e.cacheReadShare())
        .put("avg_response_time_ms", t.responseTimeCount() == 0 ? null : t.avgResponseTimeMs())
        .put("avg_first_byte_time_ms", e.avgFirstByteTimeMs());
  }

  static JsonObject series(SeriesPoint p) {
    Totals t = p.totals();
    boolean all = p.allCosts();
    JsonObject o = StatsJson.requestsAndTokens(new JsonObject()
            .put("period_start", StatsJson.instant(p.periodStart()))
            .put("period", p.period()), t)
        .put("total_cost", StatsJson.cost(t.totalCost()))
        .put("actual_total_cost", all ? StatsJson.cost(t.actualTotalCost()) : null)
        .put("input_cost", all ? StatsJson.cost(t.inputCost()) : null)
        .put("output_cost", all ? StatsJson.cost(t.outputCost()) : null)
        .put("cache_creation_cost", all ? StatsJson.cost(t.cacheCreationCost()) : null)
        .put("cache_read_cost", all ? StatsJson.cost(t.cacheReadCost()) : null)
        .put("avg_response_time_ms", all ? t.avgResponseTimeMs() : null)
        .put("fallback_count", p.fallbackCount())
        .put("unique_models", p.uniqueModels())
        .put("unique_providers", p.uniqueProviders());
    return o.put("source", p.source());
  }

  static JsonObject comparison(Comparison c) {
    Map<String, Double> current = figures(c.current());
    Map<String, Double> previous = figures(c.previous());
    JsonObject delta = new JsonObject();
    JsonObject ratio = new JsonObject();
    current.forEach((name, now) -> {
      double before = previous.get(name);
      delta.put(name, isCount(name) ? (Object) (long) (now - before) : (Object) (now - before));
      ratio.put(name, before == 0 ? null : (now - before) / before);
    });
    return new JsonObject()
        .put("current", period(c.current(), current))
        .put("previous", period(c.previous(), previous))
        .put("delta", delta)
        .put("delta_ratio", ratio);
  }

  private static JsonObject period(PeriodFigures p, Map<String, Double> figures) {
    JsonObject o = new JsonObject().put("from", p.range().first().toString()).put("to", p.range().last().toString());
    figures.forEach((name, v) -> o.put(name, isCount(name) ? (Object) v.longValue() : (Object) v));
    return o;
  }

  private static boolean isCount(String name) {
    return !name.endsWith("_cost") && !name.startsWith("avg_");
  }

  /** The daily endpoint's figures of a range, in its order (counts exactly representable as doubles). */
  private static Map<String, Double> figures(PeriodFigures p) {
    Totals t = p.totals();
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("total_requests", (double) t.totalRequests());
    m.put("success_requests", (double) t.successRequests());
    m.put("error_requests", (double) t.errorRequests());
    m.put("input_tokens", (double) t.inputTokens());
    m.put("output_tokens", (double) t.outputTokens());
    m.put("cache_creation_tokens", (double) t.cacheCreationTokens());
    m.put("cache_read_tokens", (double) t.cacheReadTokens());
    m.put("total_cost", StatsJson.cost(t.totalCost()));
    m.put("actual_total_cost", StatsJson.cost(t.actualTotalCost()));
    m.put("input_cost", StatsJson.cost(t.inputCost()));
    m.put("output_cost", StatsJson.cost(t.outputCost()));
    m.put("cache_creation_cost", StatsJson.cost(t.cacheCreationCost()));
    m.put("cache_read_cost", StatsJson.cost(t.cacheReadCost()));
    m.put("avg_response_time_ms", t.avgResponseTimeMs());
    m.put("fallback_count", (double) p.fallbackCount());
    return m;
  }
}
