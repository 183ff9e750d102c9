package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The read endpoints, their numbers summed by hand from {@link March2026}. */
class StatsEndpointsTest extends SeededApiTest {

  @Test
  void combinedWithoutSummaryIsEverythingLive() {
    ApiFixture.Resp r = api.get("/api/stats/combined");
    assertEquals(200, r.status(), r::toString);
    assertTrue(r.header("content-type").startsWith("application/json"));
    assertEquals("no-store", r.header("cache-control"));
    Expect.fields(r.json(),
        "total_requests", 6,
        "success_requests", 4,           // r2 (500) and r3 (error message) failed
        "error_requests", 2,
        "input_tokens", 1630,            // 100+200+10 + 1000 + 300+20
        "output_tokens", 665,            // 50+100+5 + 500 + 0+10
        "cache_creation_tokens", 10,
        "cache_read_tokens", 25,         // 5+20
        "total_cost", 2.18,              // 0.36 + 1.5 + 0.32
        "actual_total_cost", 1.81,       // 0.29 + 1.2 + 0.32
        "total_users", 2,                // u3 is soft-deleted
        "active_users", 1,
        "total_api_keys", 3,
        "active_api_keys", 2,
        "live_from", null,
        "as_of", "2026-03-15T12:00:00Z");
  }

  @Test
  void combinedAfterBackfillIsSummaryPlusToday() {
    assertEquals(202, api.postJson("/api/stats/backfill", "{\"days\":30}").status());
    Expect.fields(api.get("/api/stats/combined").json(),
        "total_requests", 6, "success_requests", 4, "error_requests", 2,
        "input_tokens", 1630, "output_tokens", 665, "cache_creation_tokens", 10, "cache_read_tokens", 25,
        "total_cost", 2.18, "actual_total_cost", 1.81,
        "total_users", 2, "active_users", 1, "total_api_keys", 3, "active_api_keys", 2,
        "live_from", "2026-03-15T00:00:00Z", "as_of", "2026-03-15T12:00:00Z");
  }

  @Test
  void todayIsTheCurrentDayLive() {
    ApiFixture.Resp r = api.get("/api/stats/today");
    assertEquals(200, r.status(), r::toString);
    Expect.fields(r.json(),
        "date", "2026-03-15",
        "time_zone", "UTC",              // the fixture's business zone
        "total_requests", 2,             // r5, r6
        "success_requests", 2,           // pending r5 has neither an error status nor a message
        "error_requests", 0,
        "input_tokens", 320,
        "output_tokens", 10,
        "cache_creation_tokens", 0,
        "cache_read_tokens", 0,
        "total_cost", 0.32,
        "actual_total_cost", 0.32,
        "unsettled_requests", 1,         // r5 is pending
        "as_of", "2026-03-15T12:00:00Z");
  }

  @Test
  void summaryIs404BeforeTheFirstRollupThenTheStoredRow() {
    Expect.error(api.get("/api/stats/summary"), 404, "not_found", "no summary has been stored yet");

    assertEquals(202, api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-13\",\"to\":\"2026-03-14\"}").status());
    ApiFixture.Resp r = api.get("/api/stats/summary");
    assertEquals(200, r.status(), r::toString);
    Expect.fields(r.json(),
        "cutoff_date", "2026-03-15T00:00:00Z",
        "cutoff_day", "2026-03-15",
        "all_time_requests", 4,           // r1..r4
        "all_time_success_requests", 2,
        "all_time_error_requests", 2,
        "all_time_input_tokens", 1310,    // 310 + 1000
        "all_time_output_tokens", 655,    // 155 + 500
        "all_time_cache_creation_tokens", 10,
        "all_time_cache_read_tokens", 25,
        "all_time_cost", 1.86,            // 0.36 + 1.5
        "all_time_actual_cost", 1.49,     // 0.29 + 1.2
        "total_users", 2, "active_users", 1, "total_api_keys", 3, "active_api_keys", 2,
        "updated_at", "2026-03-15T12:00:00Z");
  }

  @Test
  void dailyGivesEveryDayInOrderLiveThenMaterialized() {
    JsonArray live = api.get("/api/stats/daily?from=2026-03-12&to=2026-03-15").array();
    assertEquals(4, live.size());
    assertDays(live, "live", "live");

    assertEquals(202, api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-12\",\"to\":\"2026-03-14\"}").status());
    JsonArray stored = api.get("/api/stats/daily?from=2026-03-12&to=2026-03-15").array();
    assertDays(stored, "materialized", "live");
  }

  private static void assertDays(JsonArray days, String closedSource, String todaySource) {
    Expect.fields(days.getJsonObject(0), "date", "2026-03-12", "total_requests", 0, "total_cost", 0.0,
        "avg_response_time_ms", 0.0, "unique_models", 0, "source", closedSource);
    Expect.fields(days.getJsonObject(1),
        "date", "2026-03-13",
        "total_requests", 3, "success_requests", 1, "error_requests", 2,
        "input_tokens", 310, "output_tokens", 155, "cache_creation_tokens", 10, "cache_read_tokens", 25,
        "total_cost", 0.36,              // 0.10 + 0.25 + 0.01
        "actual_total_cost", 0.29,       // 0.08 + 0.20 + 0.01
        "input_cost", 0.216,             // 0.06 + 0.15 + 0.006
        "output_cost", 0.114,            // 0.03 + 0.08 + 0.004
        "cache_creation_cost", 0.005,
        "cache_read_cost", 0.025,        // 0.005 + 0.02
        "avg_response_time_ms", 300.0,   // (200 + 400) / 2; r3 has none
        "fallback_count", 1,             // req-r2 ran two attempts
        "unique_models", 2,
        "unique_providers", 3,           // openai, anthropic, azure
        "source", closedSource);
    Expect.fields(days.getJsonObject(2),
        "date", "2026-03-14", "total_requests", 1, "success_requests", 1, "error_requests", 0,
        "input_tokens", 1000, "output_tokens", 500, "cache_creation_tokens", 0, "cache_read_tokens", 0,
        "total_cost", 1.5, "actual_total_cost", 1.2, "input_cost", 1.0, "output_cost", 0.5,
        "cache_creation_cost", 0.0, "cache_read_cost", 0.0, "avg_response_time_ms", 1000.0,
        "fallback_count", 0, "unique_models", 1, "unique_providers", 1, "source", closedSource);
    Expect.fields(days.getJsonObject(3),
        "date", "2026-03-15", "total_requests", 2, "success_requests", 2, "error_requests", 0,
        "input_tokens", 320, "output_tokens", 10, "total_cost", 0.32, "actual_total_cost", 0.32,
        "input_cost", 0.31, "output_cost", 0.01,
        "avg_response_time_ms", 100.0,   // only r6 has a response time
        "unique_models", 2, "unique_providers", 2, "source", todaySource);
  }

  @Test
  void modelDailyIsPerDayThenModel() {
    JsonArray rows = api.get("/api/stats/daily/models?from=2026-03-13&to=2026-03-15").array();
    assertEquals(5, rows.size(), rows::encodePrettily);
    Expect.fields(rows.getJsonObject(0), "date", "2026-03-13", "model", "claude-3",
        "total_requests", 1, "success_requests", 0, "error_requests", 1, "input_tokens", 200, "output_tokens", 100,
        "cache_creation_tokens", 0, "cache_read_tokens", 20, "total_cost", 0.25, "avg_response_time_ms", 400.0,
        "source", "live");
    Expect.fields(rows.getJsonObject(1), "date", "2026-03-13", "model", "gpt-4o",
        "total_requests", 2, "success_requests", 1, "error_requests", 1,       // r1 ok, r3 has a message
        "input_tokens", 110, "output_tokens", 55, "cache_creation_tokens", 10, "cache_read_tokens", 5,
        "total_cost", 0.11, "avg_response_time_ms", 200.0, "source", "live");  // r3 has no response time
    Expect.fields(rows.getJsonObject(2), "date", "2026-03-14", "model", "gpt-4o",
        "total_requests", 1, "input_tokens", 1000, "total_cost", 1.5, "avg_response_time_ms", 1000.0);
    Expect.fields(rows.getJsonObject(3), "date", "2026-03-15", "model", "claude-3",
        "total_requests", 1, "input_tokens", 300, "total_cost", 0.3, "avg_response_time_ms", 0.0);
    Expect.fields(rows.getJsonObject(4), "date", "2026-03-15", "model", "gpt-4o",
        "total_requests", 1, "input_tokens", 20, "output_tokens", 10, "total_cost", 0.02,
        "avg_response_time_ms", 100.0);
  }

  @Test
  void userDailyHasTheUsersDaysWithRows() {
    JsonArray rows = api.get("/api/stats/users/u1/daily?from=2026-03-12&to=2026-03-15").array();
    assertEquals(3, rows.size(), rows::encodePrettily);
    Expect.fields(rows.getJsonObject(0), "date", "2026-03-13", "user_id", "u1",
        "total_requests", 2, "success_requests", 1, "error_requests", 1,
        "input_tokens", 110, "output_tokens", 55, "cache_creation_tokens", 10, "cache_read_tokens", 5,
        "total_cost", 0.11, "source", "live");
    Expect.fields(rows.getJsonObject(1), "date", "2026-03-14", "total_requests", 1, "input_tokens", 1000,
        "output_tokens", 500, "total_cost", 1.5);
    Expect.fields(rows.getJsonObject(2), "date", "2026-03-15", "total_requests", 1, "input_tokens", 20,
        "total_cost", 0.02, "source", "live");

    assertEquals(202, api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-13\",\"to\":\"2026-03-14\"}").status());
    JsonArray after = api.get("/api/stats/users/u1/daily?from=2026-03-13&to=2026-03-15").array();
    assertEquals(3, after.size());
    Expect.fields(after.getJsonObject(0), "date", "2026-03-13", "total_requests", 2, "total_cost", 0.11,
        "source", "materialized");
    Expect.fields(after.getJsonObject(2), "date", "2026-03-15", "source", "live");
  }

  @Test
  void aUserWithoutRowsHasNoDaysAndAnUnknownUserIs404() {
    assertEquals(new JsonArray(), api.get("/api/stats/users/u3/daily?from=2026-03-13&to=2026-03-15").array());
    Expect.error(api.get("/api/stats/users/nobody/daily?from=2026-03-13&to=2026-03-15"), 404, "not_found",
        "no user 'nobody'");
    String longId = "x".repeat(300);
    Expect.error(api.get("/api/stats/users/" + longId + "/daily?from=2026-03-13&to=2026-03-15"), 404,
        "not_found", "no user");
  }

  @Test
  void percentEncodedUserIdsAreDecoded() {
    api.gateway.addUser(dev.aether.stats.domain.fakes.UserRow.active("user one/ü"));
    ApiFixture.Resp r = api.get("/api/stats/users/user%20one%2F%C3%BC/daily?from=2026-03-13&to=2026-03-15");
    assertEquals(200, r.status(), r::toString);
    assertEquals(new JsonArray(), r.array());
  }

  @Test
  void daysAreBusinessDaysOfTheConfiguredZone() {
    // In Tokyo (UTC+9) r3 at 03-13T23:59:59Z falls on 03-14, and r1 at 03-13T01:00Z is 03-13 10:00 local.
    try (ApiFixture tokyo = ApiFixture.start(ZoneId.of("Asia/Tokyo"), Duration.ofSeconds(2))) {
      March2026.seed(tokyo.gateway);
      JsonArray days = tokyo.get("/api/stats/daily?from=2026-03-13&to=2026-03-14").array();
      Expect.fields(days.getJsonObject(0), "date", "2026-03-13", "total_requests", 2);  // r1, r2
      Expect.fields(days.getJsonObject(1), "date", "2026-03-14", "total_requests", 2);  // r3, r4
      JsonObject today = tokyo.get("/api/stats/today").json();
      Expect.fields(today, "date", "2026-03-15", "total_requests", 2);                 // r5, r6 (before 21:00 local)
    }
  }
}
