package dev.aether.stats.adapters.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The component schemas of the OpenAPI document: one per JSON view. A test compares each schema's
 * properties with the keys the endpoints really send, so a field added to a view must be described here.
 */
final class OpenApiSchemas {
  private OpenApiSchemas() {}

  static JsonObject all() {
    return new JsonObject()
        .put("Error", object("An error answer; every status >= 400 has this body.",
            new JsonObject()
                .put("error", string("Stable machine-readable code, e.g. bad_request, unauthorized, not_found, "
                    + "method_not_allowed, payload_too_large, unsupported_media_type, database_unavailable."))
                .put("message", string("What went wrong, for people."))))
        .put("Health", object("Liveness of the service and its database.", new JsonObject()
            .put("status", enumOf("UP when the database answers, DOWN otherwise.", "UP", "DOWN"))
            .put("database", enumOf("Whether the database answered.", "UP", "DOWN"))
            .put("error", string("Present when DOWN: database_unavailable."))
            .put("message", string("Present when DOWN.")), "status", "database"))
        .put("Combined", object("All-time totals: the stored summary plus every usage row since its cutoff, "
            + "with the account counts as they are now. Keys of the original aggregator's get_combined_stats.",
            seedTotals(accounts(new JsonObject()))
                .put("live_from", nullable(dateTime("Start of the live part (the summary's cutoff); null when "
                    + "there is no summary and everything is read live.")))
                .put("as_of", dateTime("When the figures were read."))))
        .put("Today", object("The current business day so far, read live. Keys of the original aggregator's "
            + "get_today_realtime_stats.", seedTotals(new JsonObject().put("date", date("The business day.")))
            .put("unsettled_requests", integer("Requests of the day still pending or streaming: their tokens "
                + "and costs will still change."))
            .put("as_of", dateTime("When the figures were read."))))
        .put("Summary", object("The stored stats_summary row: totals of every materialized day before "
            + "cutoff_date, and the account counts when it was written.", summaryProperties()))
        .put("Daily", object("One business day of the whole gateway (the stats_daily fields).",
            dailyProperties()))
        .put("ModelDaily", object("One business day of one model (stats_daily_model).",
            requestsAndTokens(new JsonObject().put("date", date("The business day."))
                .put("model", string("The model name.")))
                .put("total_cost", number("Cost in USD."))
                .put("avg_response_time_ms", number("Mean response time of the requests that have one; 0 when none has."))
                .put("source", source())))
        .put("UserDaily", object("One business day of one user (stats_user_daily).",
            requestsAndTokens(new JsonObject().put("date", date("The business day."))
                .put("user_id", string("The user's id.")))
                .put("total_cost", number("Cost in USD."))
                .put("source", source())))
        .put("Run", object("A recorded rollup run (stats_rollup_runs).", runProperties()))
        .put("RollupRequest", object("Business days to materialize, both ends included; to may not be after "
            + "today.", new JsonObject()
            .put("from", date("First business day."))
            .put("to", date("Last business day.")), "from", "to").put("additionalProperties", false))
        .put("BackfillRequest", object("Materialize max(first usage day, today - days) .. yesterday.",
            new JsonObject().put("days", integer("How many days of history.").put("minimum", 1)
                .put("maximum", 3650)), "days").put("additionalProperties", false));
  }

  static JsonObject ref(String schema) {
    return new JsonObject().put("$ref", "#/components/schemas/" + schema);
  }

  private static JsonObject summaryProperties() {
    JsonObject p = new JsonObject()
        .put("cutoff_date", dateTime("Start of the first day not included (the start of the business day "
            + "the summary was refreshed on)."))
        .put("cutoff_day", date("The business day cutoff_date starts."))
        .put("all_time_requests", integer("Requests."))
        .put("all_time_success_requests", integer("Requests that did not fail."))
        .put("all_time_error_requests", integer("Requests with status >= 400 or an error message."))
        .put("all_time_input_tokens", integer("Input tokens."))
        .put("all_time_output_tokens", integer("Output tokens."))
        .put("all_time_cache_creation_tokens", integer("Cache creation input tokens."))
        .put("all_time_cache_read_tokens", integer("Cache read input tokens."))
        .put("all_time_cost", number("Total cost in USD."))
        .put("all_time_actual_cost", number("Actual total cost in USD."));
    return accounts(p).put("updated_at", dateTime("When the summary was written."));
  }

  private static JsonObject dailyProperties() {
    return requestsAndTokens(new JsonObject().put("date", date("The business day.")))
        .put("total_cost", number("Total cost in USD."))
        .put("actual_total_cost", number("Actual total cost in USD."))
        .put("input_cost", number("Input cost in USD."))
        .put("output_cost", number("Output cost in USD."))
        .put("cache_creation_cost", number("Cache creation cost in USD."))
        .put("cache_read_cost", number("Cache read cost in USD."))
        .put("avg_response_time_ms", number("Mean response time of the requests that have one; 0 when none has."))
        .put("fallback_count", integer("Requests that needed more than one executed provider attempt."))
        .put("unique_models", integer("Distinct models used."))
        .put("unique_providers", integer("Distinct providers used."))
        .put("source", source());
  }

  private static JsonObject runProperties() {
    return new JsonObject()
        .put("id", integer("Run id."))
        .put("kind", enumOf("What started the run.", "rollup", "backfill", "tick"))
        .put("status", enumOf("running, then one of the three ends.", "running", "succeeded", "failed",
            "interrupted"))
        .put("first_day", nullable(date("First business day of the run; null when it had no day to write.")))
        .put("last_day", nullable(date("Last business day of the run; null when it had no day to write.")))
        .put("time_zone", string("The zone whose days the run materialized."))
        .put("days_written", integer("Days recomputed and stored so far."))
        .put("days_skipped", integer("Days left as stored because their raw rows are gone (retention)."))
        .put("rows_read", integer("Usage rows read so far."))
        .put("started_at", dateTime("When the run started."))
        .put("finished_at", nullable(dateTime("When it ended; null while running.")))
        .put("error", nullable(string("Why it failed; null unless failed.")))
        .put("owner", string("The process that ran it."));
  }

  private static JsonObject requestsAndTokens(JsonObject p) {
    return p.put("total_requests", integer("Requests."))
        .put("success_requests", integer("Requests that did not fail."))
        .put("error_requests", integer("Requests with status >= 400 or an error message."))
        .put("input_tokens", integer("Input tokens."))
        .put("output_tokens", integer("Output tokens."))
        .put("cache_creation_tokens", integer("Cache creation input tokens."))
        .put("cache_read_tokens", integer("Cache read input tokens."));
  }

  private static JsonObject seedTotals(JsonObject p) {
    return requestsAndTokens(p)
        .put("total_cost", number("Total cost in USD."))
        .put("actual_total_cost", number("Actual total cost in USD."));
  }

  private static JsonObject accounts(JsonObject p) {
    return p.put("total_users", integer("Users, soft-deleted ones not counted."))
        .put("active_users", integer("Active users, soft-deleted ones not counted."))
        .put("total_api_keys", integer("API keys."))
        .put("active_api_keys", integer("Active API keys."));
  }

  private static JsonObject source() {
    return enumOf("materialized: read from the stats tables; live: computed from the usage rows now "
        + "(today, or a day not materialized yet).", "materialized", "live");
  }

  /** An object schema; every property is required unless {@code required} names a subset. */
  static JsonObject object(String description, JsonObject properties, String... required) {
    JsonArray req = new JsonArray();
    if (required.length == 0) {
      properties.fieldNames().forEach(req::add);
    } else {
      for (String r : required) {
        req.add(r);
      }
    }
    return new JsonObject().put("type", "object").put("description", description)
        .put("properties", properties).put("required", req);
  }

  static JsonObject string(String description) {
    return new JsonObject().put("type", "string").put("description", description);
  }

  static JsonObject integer(String description) {
    return new JsonObject().put("type", "integer").put("format", "int64").put("description", description);
  }

  static JsonObject number(String description) {
    return new JsonObject().put("type", "number").put("format", "double").put("description", description);
  }

  static JsonObject date(String description) {
    return string(description).put("format", "date");
  }

  static JsonObject dateTime(String description) {
    return string(description).put("format", "date-time");
  }

  static JsonObject nullable(JsonObject schema) {
    return schema.put("nullable", true);
  }

  static JsonObject enumOf(String description, String... values) {
    JsonArray e = new JsonArray();
    for (String v : values) {
      e.add(v);
    }
    return string(description).put("enum", e);
  }
}
