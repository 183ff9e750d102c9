package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.HourRange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The hour reads, their numbers summed by hand from {@link March2026} (UTC hours; now 2026-03-15T12:00Z),
 * with buckets written for every hour from 03-13 00:00 to 03-15 10:00 (so 10:00 and 11:00 are live).
 */
class HourlyEndpointsTest extends SeededApiTest {

  private void bucketsUntil10() {
    dev.aether.stats.domain.contract.Await.await(api.gateway.hourPorts().materializeHours().materialize(new HourRange(
        Instant.parse("2026-03-13T00:00:00Z"), Instant.parse("2026-03-15T10:00:00Z"))));
  }

  @Test
  void datesGiveEveryHourOfThoseDaysWithZerosForEmptyHours() {
    bucketsUntil10();
    ApiFixture.Resp r = api.get("/api/stats/hourly?from=2026-03-13&to=2026-03-14");
    assertEquals(200, r.status(), r::toString);
    JsonArray hours = r.array();
    assertEquals(48, hours.size());
    assertEquals("2026-03-13T00:00:00Z", hours.getJsonObject(0).getString("hour"));
    assertEquals("2026-03-14T23:00:00Z", hours.getJsonObject(47).getString("hour"));
    Expect.fields(hours.getJsonObject(1),   // 01:00: r1
        "hour", "2026-03-13T01:00:00Z",
        "total_requests", 1, "success_requests", 1, "error_requests", 0,
        "input_tokens", 100, "output_tokens", 50, "cache_creation_tokens", 10, "cache_read_tokens", 5,
        "total_cost", 0.10, "actual_total_cost", 0.08, "input_cost", 0.06, "output_cost", 0.03,
        "cache_creation_cost", 0.005, "cache_read_cost", 0.005,
        "avg_response_time_ms", 200.0,
        "fallback_count", 0,                // req-r1: skipped then success, one executed attempt
        "unique_models", 1, "unique_providers", 1, "unsettled_requests", 0,
        "source", "materialized");
    Expect.fields(hours.getJsonObject(10),  // 10:00: r2, failed then succeeded on a second candidate
        "total_requests", 1, "error_requests", 1, "fallback_count", 1, "avg_response_time_ms", 400.0,
        "source", "materialized");
    Expect.fields(hours.getJsonObject(2), "total_requests", 0, "total_cost", 0.0, "unique_models", 0,
        "source", "materialized");
    long total = 0;
    for (int i = 0; i < hours.size(); i++) {
      total += hours.getJsonObject(i).getLong("total_requests");
    }
    assertEquals(4, total, "r1, r2, r3 on 03-13, r4 on 03-14");
  }

  @Test
  void instantsGiveTheHoursStartingInTheRangeWithTheOpenOnesLive() {
    bucketsUntil10();
    JsonArray hours = api.get("/api/stats/hourly?from=2026-03-15T09:30:00Z&to=2026-03-15T12:00:00Z").array();

    assertEquals(3, hours.size(), "09:00 (from rounded down), 10:00, 11:00");
    Expect.fields(hours.getJsonObject(0), "hour", "2026-03-15T09:00:00Z", "total_requests", 1,
        "input_tokens", 300, "unsettled_requests", 1, "source", "materialized");     // r5, pending
    Expect.fields(hours.getJsonObject(1), "hour", "2026-03-15T10:00:00Z", "total_requests", 0,
        "source", "live");                                                            // no bucket
    Expect.fields(hours.getJsonObject(2), "hour", "2026-03-15T11:00:00Z", "total_requests", 1,
        "input_tokens", 20, "total_cost", 0.02, "avg_response_time_ms", 100.0, "source", "live"); // r6
  }

  @Test
  void withoutBucketsEveryHourIsLive() {
    JsonArray hours = api.get("/api/stats/hourly?from=2026-03-14T08:00:00Z&to=2026-03-14T08:00:01Z").array();
    assertEquals(1, hours.size());
    Expect.fields(hours.getJsonObject(0), "hour", "2026-03-14T08:00:00Z", "total_requests", 1,
        "input_tokens", 1000, "total_cost", 1.5, "source", "live");                  // r4
  }

  @Test
  void modelsAreOneObjectPerHourAndModelWithRows() {
    bucketsUntil10();
    JsonArray rows = api.get("/api/stats/hourly/models?from=2026-03-13&to=2026-03-13").array();

    assertEquals(3, rows.size(), rows::encode);
    Expect.fields(rows.getJsonObject(0), "hour", "2026-03-13T01:00:00Z", "model", "gpt-4o",
        "total_requests", 1, "total_cost", 0.10, "source", "materialized");
    Expect.fields(rows.getJsonObject(1), "hour", "2026-03-13T10:00:00Z", "model", "claude-3",
        "total_requests", 1, "error_requests", 1, "avg_response_time_ms", 400.0);
    Expect.fields(rows.getJsonObject(2), "hour", "2026-03-13T23:00:00Z", "model", "gpt-4o",
        "total_requests", 1, "error_requests", 1, "input_tokens", 10);              // r3, error message
    JsonObject live = api.get("/api/stats/hourly/models?from=2026-03-15T11:00:00Z&to=2026-03-15T12:00:00Z")
        .array().getJsonObject(0);
    Expect.fields(live, "model", "gpt-4o", "total_requests", 1, "source", "live");
  }

  @Test
  void aKathmanduDayOverlaps25UtcHours() {
    try (ApiFixture kathmandu = ApiFixture.start(ZoneId.of("Asia/Kathmandu"), Duration.ofSeconds(2))) {
      March2026.seed(kathmandu.gateway);
      // 03-14 starts 03-13T18:15Z and ends 03-14T18:15Z: hours 18:00 .. 18:00 of the next day
      JsonArray hours = kathmandu.get("/api/stats/hourly?from=2026-03-14&to=2026-03-14").array();
      assertEquals(25, hours.size());
      assertEquals("2026-03-13T18:00:00Z", hours.getJsonObject(0).getString("hour"));
      assertEquals("2026-03-14T18:00:00Z", hours.getJsonObject(24).getString("hour"));
    }
  }

  @Test
  void badRangesAreRefusedWithTheReason() {
    assertBad("/api/stats/hourly?from=2026-03-13&to=2026-03-13T05:00:00Z", "must both be business days");
    assertBad("/api/stats/hourly?from=2026-03-15T10:00:00Z&to=2026-03-15T09:00:00Z", "must be before to");
    assertBad("/api/stats/hourly?from=2026-03-01&to=2026-04-01", "holds 32 days; at most 31");
    assertBad("/api/stats/hourly?from=2026-02-01T00:00:00Z&to=2026-03-05T00:00:00Z", "longer than 31 days");
    assertBad("/api/stats/hourly?from=2026-03-15T10:00:00%2B01:00&to=2026-03-15T12:00:00Z", "UTC instants");
    assertBad("/api/stats/hourly/models?from=2026-02-30T10:00:00Z&to=2026-03-15T12:00:00Z", "not a real instant");
    assertBad("/api/stats/hourly?from=2026-03-13", "to is required");
    assertBad("/api/stats/hourly?from=2026-03-13&to=2026-03-13&model=x", "unknown query parameter");
  }

  private void assertBad(String uri, String why) {
    ApiFixture.Resp r = api.get(uri);
    assertEquals(400, r.status(), uri + " -> " + r);
    assertEquals("bad_request", r.json().getString("error"));
    assertTrue(r.json().getString("message").contains(why), r.json().getString("message"));
  }
}
