package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aether.stats.domain.contract.AnalyticsScenario;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The analytics endpoints on the fakes, every number worked out by hand from {@link AnalyticsScenario}. Days
 * 03-13 and 03-14 are materialized first (so reads merge stored days with today's live rows).
 */
class AnalyticsEndpointsTest {
  private static final String RANGE = "from=2026-03-13&to=2026-03-15";
  private ApiFixture api;

  @BeforeEach
  void start() {
    api = ApiFixture.start();
    AnalyticsScenario.seed(api.gateway);
    assertEquals(202, api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-13\",\"to\":\"2026-03-14\"}").status());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private JsonArray array(String uri) {
    ApiFixture.Resp r = api.get(uri);
    assertEquals(200, r.status(), r::toString);
    return r.array();
  }

  @Test
  void usersRankedByCost() {
    JsonArray a = array("/api/stats/leaderboard/users?" + RANGE + "&metric=cost");
    assertEquals(2, a.size());
    // u2: 0.30 + 0.50 + 0.01 = 0.81 of 0.97; tokens 300 + 550 + 15
    Expect.fields(a.getJsonObject(0), "rank", 1, "id", "u2", "name", "u2", "total_requests", 3, "error_requests", 1,
        "total_tokens", 865, "total_cost", 0.81, "value", 0.81, "share", 0.81 / 0.97);
    // u1: 0.10 + 0.01 + 0.05; errors a3, a5, a6; tokens 200 + 10 + 80
    Expect.fields(a.getJsonObject(1), "rank", 2, "id", "u1", "total_requests", 5, "error_requests", 3,
        "total_tokens", 290, "total_cost", 0.16, "value", 0.16, "share", 0.16 / 0.97);
  }

  @Test
  void keysModelsAndProvidersRanked() {
    // a5 has no key: k1 = a1, a3, a6, a7
    JsonArray keys = array("/api/stats/leaderboard/api-keys?" + RANGE);
    Expect.fields(keys.getJsonObject(0), "rank", 1, "id", "k1", "name", "key k1", "value", 4.0, "share", 4 / 7.0);
    Expect.fields(keys.getJsonObject(1), "rank", 2, "id", "k2", "name", "key k2", "value", 3.0);
    // tokens: claude 865, gpt-4o 290; the second page of one
    JsonArray models = array("/api/stats/leaderboard/models?" + RANGE + "&metric=tokens&limit=1&offset=1");
    assertEquals(1, models.size());
    Expect.fields(models.getJsonObject(0), "rank", 2, "id", "gpt-4o", "name", null, "value", 290.0,
        "share", 290 / 1155.0);
    // errors: openai a3, a6; anthropic a8 and azure a5 tie, by id
    JsonArray providers = array("/api/stats/leaderboard/providers?" + RANGE + "&metric=errors");
    assertEquals("openai anthropic azure", providers.stream()
        .map(o -> ((JsonObject) o).getString("id")).reduce((x, y) -> x + " " + y).orElseThrow());
    Expect.fields(providers.getJsonObject(0), "value", 2.0, "share", 0.5);
  }

  @Test
  void latencyPercentilesOfCompletedRequests() {
    // response times of completed rows: 300, 500, 1000, 2000, 4000 (a3, a5: failed); one value per bucket, so
    // the estimates are exact: p90 at rank 3.6 = 2000 + 0.6 * 2000
    JsonObject all = array("/api/stats/latency?" + RANGE).getJsonObject(0);
    Expect.fields(all, "key", "all", "completed_requests", 5, "response_p50_ms", 1000.0, "response_p90_ms", 3200.0,
        "response_p99_ms", 3920.0, "response_max_ms", 4000,
        // first bytes 100, 200, 300, 500, 1000
        "first_byte_p50_ms", 300.0, "first_byte_p90_ms", 800.0, "first_byte_p99_ms", 980.0, "first_byte_max_ms", 1000);
    JsonArray models = array("/api/stats/latency?" + RANGE + "&by=model");
    Expect.fields(models.getJsonObject(0), "key", "claude", "completed_requests", 3, "response_p50_ms", 2000.0);
    Expect.fields(models.getJsonObject(1), "key", "gpt-4o", "completed_requests", 2, "response_p50_ms", 750.0);
    JsonArray days = array("/api/stats/latency?from=2026-03-12&to=2026-03-15&by=day");
    assertEquals(4, days.size());
    Expect.fields(days.getJsonObject(0), "key", "2026-03-12", "completed_requests", 0, "response_p50_ms", null,
        "response_max_ms", null);
    Expect.fields(days.getJsonObject(1), "key", "2026-03-13", "response_p50_ms", 1500.0);
    Expect.fields(days.getJsonObject(3), "key", "2026-03-15", "response_p50_ms", 400.0, "first_byte_max_ms", 300);
    Expect.fields(array("/api/stats/latency?" + RANGE + "&by=provider").getJsonObject(1), "key", "openai",
        "completed_requests", 2, "response_max_ms", 1000);
  }

  @Test
  void errorsByStatusClassProviderAndModel() {
    JsonArray classes = array("/api/stats/errors?" + RANGE);
    assertEquals(5, classes.size());
    // 2xx: a1, a2, a4, a7, a8 (a8 has a message: other)
    Expect.fields(classes.getJsonObject(0), "key", "2xx", "total_requests", 5, "client_errors", 0,
        "service_errors", 0, "other_errors", 1, "success_rate", 0.8, "success_rate_excluding_client_errors", 0.8);
    Expect.fields(classes.getJsonObject(1), "key", "3xx", "total_requests", 0, "success_rate", null);
    Expect.fields(classes.getJsonObject(2), "key", "4xx", "total_requests", 1, "client_errors", 1,
        "success_rate", 0.0, "success_rate_excluding_client_errors", null);
    Expect.fields(classes.getJsonObject(3), "key", "5xx", "total_requests", 1, "service_errors", 1);
    Expect.fields(classes.getJsonObject(4), "key", "none", "total_requests", 1, "service_errors", 1,
        "success_rate_excluding_client_errors", 0.0);
    JsonArray providers = array("/api/stats/errors?" + RANGE + "&by=provider");
    assertEquals(3, providers.size());
    // openai: a1, a3 (429), a6 (no status, message), a7
    Expect.fields(providers.getJsonObject(2), "key", "openai", "total_requests", 4, "client_errors", 1,
        "service_errors", 1, "other_errors", 0, "success_rate", 0.5, "success_rate_excluding_client_errors", 2 / 3.0);
    JsonArray models = array("/api/stats/errors?" + RANGE + "&by=model");
    Expect.fields(models.getJsonObject(0), "key", "claude", "total_requests", 3, "other_errors", 1,
        "success_rate", 2 / 3.0);
    Expect.fields(models.getJsonObject(1), "key", "gpt-4o", "total_requests", 5, "client_errors", 1,
        "service_errors", 2);
  }

  @Test
  void efficiencyPerModelAndProvider() {
    JsonArray models = array("/api/stats/efficiency?" + RANGE);
    // claude: a2 100 tokens in 1.5 s, a4 250 in 3 s; a8 (response = first byte) does not count
    Expect.fields(models.getJsonObject(0), "key", "claude", "total_requests", 3, "output_tokens", 355,
        "output_tokens_per_second", 350 / 4.5, "cache_hit_requests", 0, "cache_hit_rate", 0.0,
        "cache_read_share", 0.0, "avg_first_byte_time_ms", 600.0);
    // gpt-4o: a1 50 tokens in 0.8 s, a7 30 in 0.4 s; a1 read 50 of 100 + 10 + 50 prompt tokens
    Expect.fields(models.getJsonObject(1), "key", "gpt-4o", "output_tokens_per_second", 80 / 1.2,
        "cache_hit_requests", 1, "cache_hit_rate", 0.2, "cache_read_share", 50 / 210.0,
        "avg_response_time_ms", (1000 + 50 + 100 + 500) / 4.0);
    JsonArray providers = array("/api/stats/efficiency?" + RANGE + "&by=provider");
    Expect.fields(providers.getJsonObject(1), "key", "azure", "output_tokens_per_second", null,
        "cache_read_share", null, "avg_first_byte_time_ms", null);
  }

  @Test
  void seriesByDayWeekMonthAndHour() {
    JsonArray days = array("/api/stats/series?" + RANGE + "&provider=openai");
    assertEquals(3, days.size());
    Expect.fields(days.getJsonObject(0), "period_start", "2026-03-13T00:00:00Z", "period", "2026-03-13",
        "total_requests", 2, "error_requests", 1, "input_tokens", 110, "total_cost", 0.11, "fallback_count", null,
        "source", "materialized");
    Expect.fields(days.getJsonObject(2), "period", "2026-03-15", "total_requests", 1, "source", "live");
    JsonObject week = array("/api/stats/series?from=2026-03-09&to=2026-03-15&granularity=week").getJsonObject(0);
    Expect.fields(week, "period_start", "2026-03-09T00:00:00Z", "period", "2026-W11", "total_requests", 8,
        "error_requests", 4, "total_cost", 0.97, "unique_models", null, "source", "mixed");
    JsonObject month = array("/api/stats/series?" + RANGE + "&granularity=month&user_id=u2").getJsonObject(0);
    Expect.fields(month, "period_start", "2026-03-01T00:00:00Z", "period", "2026-03", "total_requests", 3,
        "total_cost", 0.81, "actual_total_cost", null, "avg_response_time_ms", null);
    JsonArray hours = array("/api/stats/series?from=2026-03-15&to=2026-03-15&granularity=hour&user_id=u2&model=claude");
    assertEquals(24, hours.size());
    Expect.fields(hours.getJsonObject(10), "period_start", "2026-03-15T10:00:00Z", "period", "2026-03-15T10:00Z",
        "total_requests", 1, "output_tokens", 5, "source", "live");
    Expect.fields(hours.getJsonObject(11), "total_requests", 0);
    JsonObject day = array("/api/stats/series?from=2026-03-14&to=2026-03-14").getJsonObject(0);
    Expect.fields(day, "total_requests", 3, "unique_models", 2, "unique_providers", 3, "fallback_count", 0);
  }

  @Test
  void comparisonWithThePreviousRange() {
    ApiFixture.Resp r = api.get("/api/stats/comparison?from=2026-03-14&to=2026-03-15");
    assertEquals(200, r.status(), r::toString);
    JsonObject c = r.json();
    Expect.fields(c.getJsonObject("current"), "from", "2026-03-14", "to", "2026-03-15", "total_requests", 5,
        "total_cost", 0.56);
    Expect.fields(c.getJsonObject("previous"), "from", "2026-03-12", "to", "2026-03-13", "total_requests", 3,
        "total_cost", 0.41);
    Expect.fields(c.getJsonObject("delta"), "total_requests", 2, "total_cost", 0.15);
    Expect.fields(c.getJsonObject("delta_ratio"), "total_requests", 2 / 3.0, "cache_creation_tokens", null);
    JsonObject year = api.get("/api/stats/comparison?from=2026-03-14&to=2026-03-15&against=year").json();
    Expect.fields(year.getJsonObject("previous"), "from", "2025-03-14", "to", "2025-03-15", "total_requests", 0);
    Expect.fields(year.getJsonObject("delta_ratio"), "total_requests", null);
  }

  @Test
  void badParametersAreNamed() {
    Expect.error(api.get("/api/stats/leaderboard/teams?" + RANGE), 400, "bad_request",
        "kind must be one of users, api-keys, models, providers, got 'teams'");
    Expect.error(api.get("/api/stats/leaderboard/users?" + RANGE + "&metric=latency"), 400, "bad_request",
        "metric must be one of requests, tokens, cost, errors, got 'latency'");
    Expect.error(api.get("/api/stats/leaderboard/users?" + RANGE + "&limit=0"), 400, "bad_request",
        "limit must be a whole number from 1 to 100");
    Expect.error(api.get("/api/stats/leaderboard/users?" + RANGE + "&limit=101"), 400, "bad_request", "limit");
    Expect.error(api.get("/api/stats/leaderboard/users?" + RANGE + "&offset=-1"), 400, "bad_request", "offset");
    Expect.error(api.get("/api/stats/leaderboard/users?from=2026-03-13"), 400, "bad_request", "to is required");
    Expect.error(api.get("/api/stats/latency?" + RANGE + "&by=week"), 400, "bad_request",
        "by must be one of all, day, model, provider");
    Expect.error(api.get("/api/stats/errors?" + RANGE + "&by=day"), 400, "bad_request",
        "by must be one of status_class, provider, model");
    Expect.error(api.get("/api/stats/efficiency?" + RANGE + "&by=user"), 400, "bad_request", "by must be one of");
    Expect.error(api.get("/api/stats/comparison?" + RANGE + "&against=last"), 400, "bad_request",
        "against must be one of previous, year");
    Expect.error(api.get("/api/stats/series?" + RANGE + "&granularity=minute"), 400, "bad_request",
        "granularity must be one of hour, day, week, month");
    Expect.error(api.get("/api/stats/series?from=2026-02-01&to=2026-03-15&granularity=hour"), 400, "bad_request",
        "granularity=hour covers at most 31 days");
    Expect.error(api.get("/api/stats/series?from=2026-02-01&to=2026-03-15&user_id=u1&model=claude"), 400,
        "bad_request", "no stored breakdown carries it");
    Expect.error(api.get("/api/stats/series?" + RANGE + "&user_id="), 400, "bad_request", "user_id must be 1 to 255");
    Expect.error(api.get("/api/stats/series?" + RANGE + "&models=x"), 400, "bad_request",
        "unknown query parameter 'models'");
    Expect.error(api.get("/api/stats/errors?from=2026-03-15&to=2026-03-13"), 400, "bad_request",
        "must not be after to");
    Expect.error(api.get("/api/stats/latency?from=2025-01-01&to=2026-03-15"), 400, "bad_request",
        "at most 366 are allowed");
  }
}
