package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.model.CombinedStats;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.ModelDailyStats;
import dev.aether.stats.domain.model.Summary;
import dev.aether.stats.domain.model.TodayStats;
import dev.aether.stats.domain.model.Totals;
import dev.aether.stats.domain.model.UserCounts;
import dev.aether.stats.domain.model.UserDailyStats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * JSON views of the statistics, built by hand (no databind). Field names are those of the schema's
 * stats tables and of the original aggregator's dicts, so clients of the original aggregator find what they know.
 * Costs are JSON numbers (the database columns are double precision too); days are business days as
 * YYYY-MM-DD; instants are ISO-8601 UTC.
 */
final class StatsJson {
  private StatsJson() {}

  /** The original aggregator's get_combined_stats keys, plus where the live part starts and when it was read. */
  static JsonObject combined(CombinedStats c) {
    JsonObject o = seedTotals(new JsonObject(), c.totals());
    accounts(o, c.accounts());
    return o.put("live_from", instant(c.liveFrom())).put("as_of", instant(c.asOf()));
  }

  /** The original aggregator's get_today_realtime_stats keys, plus the day and its zone, the unsettled rows and the read time. */
  static JsonObject today(TodayStats t) {
    JsonObject o = new JsonObject().put("date", t.day().toString()).put("time_zone", t.zone().getId());
    seedTotals(o, t.live().totals());
    return o.put("unsettled_requests", t.live().unsettledRequests()).put("as_of", instant(t.live().to()));
  }

  /** The stats_summary row, columns named as in the schema; cutoff_day is the business day it starts. */
  static JsonObject summary(Summary s, BusinessCalendar calendar) {
    Totals t = s.allTime();
    JsonObject o = new JsonObject()
        .put("cutoff_date", instant(s.cutoff()))
        .put("cutoff_day", calendar.dayOf(s.cutoff()).toString())
        .put("all_time_requests", t.totalRequests())
        .put("all_time_success_requests", t.successRequests())
        .put("all_time_error_requests", t.errorRequests())
        .put("all_time_input_tokens", t.inputTokens())
        .put("all_time_output_tokens", t.outputTokens())
        .put("all_time_cache_creation_tokens", t.cacheCreationTokens())
        .put("all_time_cache_read_tokens", t.cacheReadTokens())
        .put("all_time_cost", cost(t.totalCost()))
        .put("all_time_actual_cost", cost(t.actualTotalCost()));
    accounts(o, s.accounts());
    return o.put("updated_at", instant(s.updatedAt()));
  }

  /** Every stats_daily field of the schema, with the day and where its figures came from. */
  static JsonObject daily(DailyStats d) {
    Totals t = d.totals();
    JsonObject o = new JsonObject().put("date", d.day().toString());
    requestsAndTokens(o, t);
    return costs(o, t)
        .put("avg_response_time_ms", t.avgResponseTimeMs())
        .put("fallback_count", d.fallbackCount())
        .put("unique_models", d.uniqueModels())
        .put("unique_providers", d.uniqueProviders())
        .put("source", d.source().wireName());
  }

  /** A stats_daily_model row: one day of one model. */
  static JsonObject modelDaily(ModelDailyStats m) {
    Totals t = m.totals();
    JsonObject o = new JsonObject().put("date", m.day().toString()).put("model", m.model());
    requestsAndTokens(o, t);
    return o
        .put("total_cost", cost(t.totalCost()))
        .put("avg_response_time_ms", t.avgResponseTimeMs())
        .put("source", m.source().wireName());
  }

  /** A stats_user_daily row: one day of one user. */
  static JsonObject userDaily(UserDailyStats u) {
    Totals t = u.totals();
    JsonObject o = new JsonObject().put("date", u.day().toString()).put("user_id", u.userId());
    requestsAndTokens(o, t);
    return o.put("total_cost", cost(t.totalCost())).put("source", u.source().wireName());
  }

  static <T> JsonArray array(List<T> items, Function<T, JsonObject> view) {
    JsonArray a = new JsonArray();
    items.forEach(i -> a.add(view.apply(i)));
    return a;
  }

  private static JsonObject seedTotals(JsonObject o, Totals t) {
    requestsAndTokens(o, t);
    return o.put("total_cost", cost(t.totalCost())).put("actual_total_cost", cost(t.actualTotalCost()));
  }

  /** The six cost fields of stats_daily, in its order. */
  static JsonObject costs(JsonObject o, Totals t) {
    return o
        .put("total_cost", cost(t.totalCost()))
        .put("actual_total_cost", cost(t.actualTotalCost()))
        .put("input_cost", cost(t.inputCost()))
        .put("output_cost", cost(t.outputCost()))
        .put("cache_creation_cost", cost(t.cacheCreationCost()))
        .put("cache_read_cost", cost(t.cacheReadCost()));
  }

  /** The request and token counts every view starts with, in the schema's order. */
  static JsonObject requestsAndTokens(JsonObject o, Totals t) {
    return o
        .put("total_requests", t.totalRequests())
        .put("success_requests", t.successRequests())
        .put("error_requests", t.errorRequests())
        .put("input_tokens", t.inputTokens())
        .put("output_tokens", t.outputTokens())
        .put("cache_creation_tokens", t.cacheCreationTokens())
        .put("cache_read_tokens", t.cacheReadTokens());
  }

  private static void accounts(JsonObject o, UserCounts a) {
    o.put("total_users", a.totalUsers())
        .put("active_users", a.activeUsers())
        .put("total_api_keys", a.totalApiKeys())
        .put("active_api_keys", a.activeApiKeys());
  }

  static double cost(BigDecimal value) {
    return value == null ? 0.0 : value.doubleValue();
  }

  static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
