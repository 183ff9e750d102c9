package dev.aether.stats.adapters.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The OpenAPI 3.0 document of the API, served at GET /openapi.json. Written independently of the
 * route registrations (a description, not a generator), and checked against the router by a test so
 * that neither can gain a route the other lacks.
 */
final class OpenApi {
  private OpenApi() {}

  static JsonObject document(int maxRangeDays) {
    JsonObject paths = new JsonObject();
    path(paths, "/health", "get", open("health", "Liveness of the service and its database",
        "200 when the database answers within a few seconds, 503 otherwise; never waits longer.")
        .put("responses", new JsonObject()
            .put("200", json("The database answers.", OpenApiSchemas.ref("Health")))
            .put("503", json("The database does not answer.", OpenApiSchemas.ref("Health")))));
    path(paths, "/metrics", "get", open("metrics", "Prometheus metrics",
        "Text exposition format 0.0.4: HTTP requests and latency by route template, rollup runs by kind "
            + "and outcome, duration of the last run, age of the newest materialized day, uptime.")
        .put("responses", new JsonObject().put("200", new JsonObject().put("description", "The metrics.")
            .put("content", new JsonObject().put("text/plain", new JsonObject()
                .put("schema", OpenApiSchemas.string("Prometheus text format 0.0.4.")))))));
    path(paths, "/openapi.json", "get", open("openapi", "This document", "The API described.")
        .put("responses", new JsonObject()
            .put("200", json("The OpenAPI 3.0 document.", new JsonObject().put("type", "object")))));

    path(paths, "/api/stats/combined", "get", secured("getCombined", "All-time totals",
        "The stored summary plus every usage row since its cutoff (so no day goes missing however late the "
            + "rollup is), with the account counts as they are now.")
        .put("responses", standard(json("All-time totals.", OpenApiSchemas.ref("Combined")))));
    path(paths, "/api/stats/today", "get", secured("getToday", "Today so far",
        "Live totals of the current business day (in the configured time zone).")
        .put("responses", standard(json("Today's totals.", OpenApiSchemas.ref("Today")))));
    path(paths, "/api/stats/summary", "get", secured("getSummary", "The stored summary",
        "The stats_summary row as the last rollup wrote it; 404 before the first rollup.")
        .put("responses", standard(json("The summary.", OpenApiSchemas.ref("Summary")))
            .put("404", errorRef("NotFound"))));
    path(paths, "/api/stats/daily", "get", secured("getDaily", "Whole-gateway days",
        "One object per business day of from..to (both included, at most " + maxRangeDays + " days), in "
            + "order: stored when materialized, live otherwise.")
        .put("parameters", rangeParameters())
        .put("responses", standard(json("One object per day.", arrayOf("Daily")))));
    path(paths, "/api/stats/daily/models", "get", secured("getModelDaily", "Days per model",
        "One object per business day and model with requests, ordered by day then model.")
        .put("parameters", rangeParameters())
        .put("responses", standard(json("One object per day and model.", arrayOf("ModelDaily")))));
    JsonArray userParameters = new JsonArray().add(new JsonObject().put("name", "user_id").put("in", "path")
        .put("required", true).put("description", "The user's id.")
        .put("schema", new JsonObject().put("type", "string")));
    rangeParameters().forEach(userParameters::add);
    path(paths, "/api/stats/users/{user_id}/daily", "get", secured("getUserDaily", "Days of one user",
        "One object per business day of from..to on which the user has requests, in order; 404 for an "
            + "unknown user.")
        .put("parameters", userParameters)
        .put("responses", standard(json("One object per day with requests.", arrayOf("UserDaily")))
            .put("404", errorRef("NotFound"))));

    AnalyticsDocument.paths(maxRangeDays).forEach(e -> paths.put(e.getKey(), e.getValue()));

    path(paths, "/api/stats/rollup", "post", secured("startRollup", "Materialize days",
        "Starts a run that materializes from..to (at most " + maxRangeDays + " days, to not after today) "
            + "and refreshes the summary. Answers 202 once the run is recorded; follow it at Location.")
        .put("requestBody", body("RollupRequest"))
        .put("responses", started()));
    path(paths, "/api/stats/backfill", "post", secured("startBackfill", "Materialize history",
        "Starts a run that materializes max(first usage day, today - days) .. yesterday and refreshes the "
            + "summary. Answers 202 once the run is recorded; follow it at Location.")
        .put("requestBody", body("BackfillRequest"))
        .put("responses", started()));
    path(paths, "/api/stats/runs", "get", secured("listRuns", "Recent runs", "Recorded rollup runs, newest first.")
        .put("parameters", new JsonArray().add(new JsonObject().put("name", "limit").put("in", "query")
            .put("required", false).put("description", "How many runs (default 20).")
            .put("schema", new JsonObject().put("type", "integer").put("minimum", 1).put("maximum", 100)
                .put("default", 20))))
        .put("responses", standard(json("Runs, newest first.", arrayOf("Run")))));
    path(paths, "/api/stats/runs/{id}", "get", secured("getRun", "One run",
        "A recorded run: progress while running, outcome when ended.")
        .put("parameters", new JsonArray().add(new JsonObject().put("name", "id").put("in", "path")
            .put("required", true).put("description", "The run's id.")
            .put("schema", new JsonObject().put("type", "integer").put("format", "int64").put("minimum", 1))))
        .put("responses", standard(json("The run.", OpenApiSchemas.ref("Run")))
            .put("404", errorRef("NotFound"))));

    return new JsonObject()
        .put("openapi", "3.0.3")
        .put("info", new JsonObject().put("title", "aether-stats admin API").put("version", "1")
            .put("description", "Usage statistics of an LLM API gateway. Every /api/** route needs "
                + "Authorization: Bearer <STATS_ADMIN_TOKEN>. Days are business days (YYYY-MM-DD) of the "
                + "configured time zone; instants are ISO-8601 UTC; costs are USD numbers. Every error "
                + "answer is {\"error\":..., \"message\":...}."))
        .put("security", new JsonArray().add(new JsonObject().put("bearerAuth", new JsonArray())))
        .put("paths", paths)
        .put("components", new JsonObject()
            .put("securitySchemes", new JsonObject().put("bearerAuth",
                new JsonObject().put("type", "http").put("scheme", "bearer")))
            .put("schemas", OpenApiSchemas.all().mergeIn(AnalyticsDocument.schemas()))
            .put("responses", errorResponses()));
  }

  private static void path(JsonObject paths, String path, String method, JsonObject operation) {
    if (!paths.containsKey(path)) {
      paths.put(path, new JsonObject());
    }
    paths.getJsonObject(path).put(method, operation);
  }

  private static JsonObject open(String id, String summary, String description) {
    return new JsonObject().put("operationId", id).put("summary", summary).put("description", description)
        .put("tags", new JsonArray().add("operations")).put("security", new JsonArray());
  }

  static JsonObject secured(String id, String summary, String description) {
    return new JsonObject().put("operationId", id).put("summary", summary).put("description", description)
        .put("tags", new JsonArray().add("stats"));
  }

  /** The responses every /api route can give, around its success response. */
  static JsonObject standard(JsonObject ok) {
    return new JsonObject()
        .put("200", ok)
        .put("400", errorRef("BadRequest"))
        .put("401", errorRef("Unauthorized"))
        .put("405", errorRef("MethodNotAllowed"))
        .put("503", errorRef("DatabaseUnavailable"));
  }

  private static JsonObject started() {
    return new JsonObject()
        .put("202", json("The run is recorded and goes on in the background.", OpenApiSchemas.ref("Run"))
            .put("headers", new JsonObject().put("Location", new JsonObject()
                .put("description", "/api/stats/runs/{id} of the run.")
                .put("schema", new JsonObject().put("type", "string")))))
        .put("400", errorRef("BadRequest"))
        .put("401", errorRef("Unauthorized"))
        .put("405", errorRef("MethodNotAllowed"))
        .put("413", errorRef("PayloadTooLarge"))
        .put("415", errorRef("UnsupportedMediaType"))
        .put("503", errorRef("DatabaseUnavailable"));
  }

  private static JsonObject errorResponses() {
    return new JsonObject()
        .put("BadRequest", json("Invalid input (the message says which and why).", OpenApiSchemas.ref("Error")))
        .put("Unauthorized", json("No or wrong bearer token.", OpenApiSchemas.ref("Error")))
        .put("NotFound", json("No such resource.", OpenApiSchemas.ref("Error")))
        .put("MethodNotAllowed", json("Method not allowed; the Allow header lists those that are.",
            OpenApiSchemas.ref("Error")))
        .put("PayloadTooLarge", json("Body over " + AdminApi.MAX_BODY_BYTES + " bytes.", OpenApiSchemas.ref("Error")))
        .put("UnsupportedMediaType", json("Body not sent as application/json.", OpenApiSchemas.ref("Error")))
        .put("DatabaseUnavailable", json("The database is down or did not answer in time.",
            OpenApiSchemas.ref("Error")));
  }

  static JsonArray rangeParameters() {
    return new JsonArray()
        .add(dateParameter("from", "First business day (included)."))
        .add(dateParameter("to", "Last business day (included)."));
  }

  private static JsonObject dateParameter(String name, String description) {
    return new JsonObject().put("name", name).put("in", "query").put("required", true)
        .put("description", description).put("schema", new JsonObject().put("type", "string").put("format", "date"));
  }

  private static JsonObject body(String schema) {
    return new JsonObject().put("required", true).put("content", new JsonObject()
        .put("application/json", new JsonObject().put("schema", OpenApiSchemas.ref(schema))));
  }

  static JsonObject json(String description, JsonObject schema) {
    return new JsonObject().put("description", description).put("content", new JsonObject()
        .put("application/json", new JsonObject().put("schema", schema)));
  }

  static JsonObject arrayOf(String schema) {
    return new JsonObject().put("type", "array").put("items", OpenApiSchemas.ref(schema));
  }

  static JsonObject errorRef(String name) {
    return new JsonObject().put("$ref", "#/components/responses/" + name);
  }
}
