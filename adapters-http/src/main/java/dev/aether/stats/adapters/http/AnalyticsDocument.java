package dev.aether.stats.adapters.http;

import static dev.aether.stats.adapters.http.OpenApiSchemas.dateTime;
import static dev.aether.stats.adapters.http.OpenApiSchemas.enumOf;
import static dev.aether.stats.adapters.http.OpenApiSchemas.integer;
import static dev.aether.stats.adapters.http.OpenApiSchemas.nullable;
import static dev.aether.stats.adapters.http.OpenApiSchemas.number;
import static dev.aether.stats.adapters.http.OpenApiSchemas.object;
import static dev.aether.stats.adapters.http.OpenApiSchemas.string;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The analytics endpoints' part of the OpenAPI document (paths and schemas), beside {@link OpenApi}. */
final class AnalyticsDocument {
  private AnalyticsDocument() {}

  static JsonObject paths(int maxRangeDays) {
    String range = " Range: from..to, business days, both included, at most " + maxRangeDays + " days; stored "
        + "days merged with the live tail like daily.";
    JsonObject paths = new JsonObject();
    JsonArray board = new JsonArray().add(new JsonObject().put("name", "kind").put("in", "path").put("required", true)
        .put("description", "What is ranked.").put("schema", enumOf("What is ranked.", "users", "api-keys", "models",
            "providers")));
    OpenApi.rangeParameters().forEach(board::add);
    board.add(choice("metric", "The ranking metric (tokens: input + output + cache creation + cache read).",
        "requests", "requests", "tokens", "cost", "errors"))
        .add(intParam("limit", "How many entries (default 10).", 1, 100, 10))
        .add(intParam("offset", "How many top entries to skip (default 0).", 0, 1_000_000, 0));
    paths.put("/api/stats/leaderboard/{kind}", get("getLeaderboard", "Top users, API keys, models or providers",
        "Entities with requests in the range ranked by value (the metric) descending, ties by id; share = value / "
            + "the metric's sum over every ranked entity (0 when that is 0). 404 for an unknown kind." + range,
        board, "LeaderboardEntry"));
    paths.getJsonObject("/api/stats/leaderboard/{kind}").getJsonObject("get").getJsonObject("responses")
        .put("404", OpenApi.errorRef("NotFound"));
    paths.put("/api/stats/latency", get("getLatency", "Latency percentiles",
        "p50, p90, p99 (within 1 % of percentile_cont, from summed log-scale histograms) and exact maxima of the "
            + "response and first-byte times of completed requests: one row all, per day, per model or per provider."
            + range, with(choice("by", "Grouping.", "all", "all", "day", "model", "provider")), "Latency"));
    paths.put("/api/stats/errors", get("getErrors", "Client and service errors",
        "Requests and errors per status class (2xx = below 300, 3xx, 4xx, 5xx, none = no status), provider or "
            + "model: client errors = 4xx, service errors = 5xx or an error message without status, other = the "
            + "rest; success_rate = success / total, success_rate_excluding_client_errors = success / (total - "
            + "client errors)." + range,
        with(choice("by", "Grouping.", "status_class", "status_class", "provider", "model")), "Errors"));
    paths.put("/api/stats/efficiency", get("getEfficiency", "Output speed and cache use",
        "Per model or provider: output tokens per second of generation (response time - first-byte time) over "
            + "completed requests with output, cache hit rate (requests with cache reads / requests) and cache-read "
            + "share of the prompt tokens." + range,
        with(choice("by", "Grouping.", "model", "model", "provider")), "Efficiency"));
    JsonArray series = with(choice("granularity", "Period: hours of the business zone (at most 31 days, read live "
        + "from usage), days, weeks (Monday to Sunday, labelled by ISO week) or months.", "day", "hour", "day",
        "week", "month"));
    for (String f : new String[] {"user_id", "model", "provider", "api_key_id"}) {
      series.add(new JsonObject().put("name", f).put("in", "query").put("required", false)
          .put("description", "Only usage rows with this " + f + ".").put("schema", string(f)));
    }
    paths.put("/api/stats/series", get("getSeries", "Time series",
        "One point per period overlapping the range, with the daily figures (fields unknown for the filter are "
            + "null). Filters: user_id (stats_user_daily), api_key_id, provider, model with or without provider "
            + "come from the breakdown tables; other combinations are read live from usage (at most 31 days)." + range,
        series, "SeriesPoint"));
    paths.put("/api/stats/comparison", get("getComparison", "This range against another",
        "Every figure for the range and for the previous range of as many days, or the same dates a year "
            + "earlier, with absolute and relative deltas (null when the previous figure is 0)." + range,
        with(choice("against", "The other range.", "previous", "previous", "year")), null));
    return paths;
  }

  static JsonObject schemas() {
    JsonObject figures = new JsonObject()
        .put("total_requests", integer("Requests.")).put("success_requests", integer("Requests that did not fail."))
        .put("error_requests", integer("Requests with status >= 400 or an error message."))
        .put("input_tokens", integer("Input tokens.")).put("output_tokens", integer("Output tokens."))
        .put("cache_creation_tokens", integer("Cache creation input tokens."))
        .put("cache_read_tokens", integer("Cache read input tokens."));
    JsonObject series = figures.copy().put("period_start", dateTime("Start of the period (its Monday for a week, "
        + "its 1st for a month, even when the range starts later)."))
        .put("period", string("YYYY-MM-DD, YYYY-Www, YYYY-MM, or the hour's local start with its offset."))
        .put("total_cost", number("Total cost in USD."));
    for (String c : new String[] {"actual_total_cost", "input_cost", "output_cost", "cache_creation_cost",
        "cache_read_cost", "avg_response_time_ms"}) {
      series.put(c, nullable(number("As in daily; null for a user's series (stats_user_daily lacks it).")));
    }
    series.put("fallback_count", nullable(integer("As in daily; null under filters and for hours.")))
        .put("unique_models", nullable(integer("As in daily; only for unfiltered days.")))
        .put("unique_providers", nullable(integer("As in daily; only for unfiltered days.")))
        .put("source", enumOf("Where the period's days came from.", "materialized", "live", "mixed"));
    return new JsonObject()
        .put("LeaderboardEntry", object("One ranked entity.", new JsonObject()
            .put("rank", integer("1 for the top entity."))
            .put("id", string("User id, API key id, model or provider."))
            .put("name", nullable(string("Username or key name; null for models and providers.")))
            .put("total_requests", integer("Requests.")).put("error_requests", integer("Errors."))
            .put("total_tokens", integer("Input + output + cache creation + cache read tokens."))
            .put("total_cost", number("Cost in USD."))
            .put("value", number("The ranking metric."))
            .put("share", number("value / the metric's sum over every ranked entity."))))
        .put("Latency", object("Latency of completed requests of one key.", latencyProperties()))
        .put("Errors", object("Requests and errors of one key.", new JsonObject()
            .put("key", string("2xx, 3xx, 4xx, 5xx, none; a provider; a model."))
            .put("total_requests", integer("Requests."))
            .put("client_errors", integer("Errors with status 400..499."))
            .put("service_errors", integer("Errors with status >= 500, or an error message without status."))
            .put("other_errors", integer("The other errors (an error message with a status below 400)."))
            .put("success_rate", nullable(number("success / total; null without requests.")))
            .put("success_rate_excluding_client_errors", nullable(number("success / (total - client errors).")))))
        .put("Efficiency", object("Output speed and cache use of one model or provider.", new JsonObject()
            .put("key", string("The model or provider."))
            .put("total_requests", integer("Requests.")).put("output_tokens", integer("Output tokens."))
            .put("output_tokens_per_second", nullable(number("Output tokens / generation seconds of completed "
                + "requests with output tokens and response time > first-byte time (no first byte: 0).")))
            .put("cache_hit_requests", integer("Requests with cache-read tokens."))
            .put("cache_hit_rate", nullable(number("cache_hit_requests / total_requests.")))
            .put("cache_read_tokens", integer("Cache read input tokens."))
            .put("cache_read_share", nullable(number("Cache read / (input + cache creation + cache read) tokens.")))
            .put("avg_response_time_ms", nullable(number("Mean response time.")))
            .put("avg_first_byte_time_ms", nullable(number("Mean time to the first byte.")))))
        .put("SeriesPoint", object("One period of a series.", series))
        .put("Comparison", object("A range's figures beside another's.", new JsonObject()
            .put("current", new JsonObject().put("type", "object").put("description", "from, to and every figure."))
            .put("previous", new JsonObject().put("type", "object").put("description", "The same for the other range."))
            .put("delta", new JsonObject().put("type", "object").put("description", "current - previous per figure."))
            .put("delta_ratio", new JsonObject().put("type", "object")
                .put("description", "(current - previous) / previous per figure; null when previous is 0."))));
  }

  private static JsonObject latencyProperties() {
    JsonObject p = new JsonObject().put("key", string("all, the day (YYYY-MM-DD), the model or the provider."))
        .put("completed_requests", integer("Completed requests with a response time."));
    for (String m : new String[] {"response", "first_byte"}) {
      for (String q : new String[] {"p50", "p90", "p99"}) {
        p.put(m + "_" + q + "_ms", nullable(number("Within 1 % of percentile_cont; null without data.")));
      }
      p.put(m + "_max_ms", nullable(integer("Exact maximum; null without data.")));
    }
    return p;
  }

  private static JsonObject get(String id, String summary, String description, JsonArray parameters,
      String itemSchema) {
    JsonObject ok = itemSchema == null
        ? OpenApi.json("The comparison.", OpenApiSchemas.ref("Comparison"))
        : OpenApi.json("One object per row.", OpenApi.arrayOf(itemSchema));
    return new JsonObject().put("get", OpenApi.secured(id, summary, description).put("parameters", parameters)
        .put("responses", OpenApi.standard(ok)));
  }

  private static JsonArray with(JsonObject parameter) {
    JsonArray a = OpenApi.rangeParameters();
    a.add(parameter);
    return a;
  }

  private static JsonObject choice(String name, String description, String defaultValue, String... values) {
    return new JsonObject().put("name", name).put("in", "query").put("required", false)
        .put("description", description + " Default " + defaultValue + ".")
        .put("schema", enumOf(description, values).put("default", defaultValue));
  }

  private static JsonObject intParam(String name, String description, int min, int max, int defaultValue) {
    return new JsonObject().put("name", name).put("in", "query").put("required", false).put("description", description)
        .put("schema", new JsonObject().put("type", "integer").put("minimum", min).put("maximum", max)
            .put("default", defaultValue));
  }

}
