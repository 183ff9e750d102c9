package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Starting runs over HTTP (202 once recorded) and reading the run log. */
class RunEndpointsTest extends SeededApiTest {

  @Test
  void rollupAnswers202WithTheRecordedRunThenTheRunSucceeds() {
    ApiFixture.Resp r = api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-13\",\"to\":\"2026-03-14\"}");
    assertEquals(202, r.status(), r::toString);
    JsonObject run = r.json();
    Expect.fields(run, "id", 1, "kind", "rollup", "status", "running", "first_day", "2026-03-13",
        "last_day", "2026-03-14", "time_zone", "UTC", "days_written", 0, "days_skipped", 0, "rows_read", 0,
        "started_at", "2026-03-15T12:00:00Z", "finished_at", null, "error", null, "owner", "in-memory");
    assertEquals("/api/stats/runs/1", r.header("location"));

    JsonObject done = api.get("/api/stats/runs/1").json();
    Expect.fields(done, "id", 1, "kind", "rollup", "status", "succeeded",
        "days_written", 2, "days_skipped", 0,
        "rows_read", 4,                      // r1, r2, r3 on 03-13 and r4 on 03-14
        "finished_at", "2026-03-15T12:00:00Z", "error", null);
  }

  @Test
  void backfillCoversTheHistoryUpToYesterday() {
    ApiFixture.Resp r = api.postJson("/api/stats/backfill", "{\"days\":30}");
    assertEquals(202, r.status(), r::toString);
    // max(first usage day 03-13, 03-15 - 30) .. yesterday
    Expect.fields(r.json(), "kind", "backfill", "status", "running", "first_day", "2026-03-13",
        "last_day", "2026-03-14");
    long id = r.json().getLong("id");
    Expect.fields(api.get("/api/stats/runs/" + id).json(), "status", "succeeded", "days_written", 2, "rows_read", 4);
  }

  @Test
  void backfillOfOneDayCoversOnlyYesterday() {
    ApiFixture.Resp r = api.postJson("/api/stats/backfill", "{\"days\":1}");
    Expect.fields(r.json(), "first_day", "2026-03-14", "last_day", "2026-03-14");
  }

  @Test
  void backfillWithoutAnyUsageIsARunWithoutDays() {
    try (ApiFixture empty = ApiFixture.start()) {
      ApiFixture.Resp r = empty.postJson("/api/stats/backfill", "{\"days\":365}");
      assertEquals(202, r.status(), r::toString);
      Expect.fields(r.json(), "first_day", null, "last_day", null);
      Expect.fields(empty.get("/api/stats/runs/1").json(), "status", "succeeded", "days_written", 0);
    }
  }

  @Test
  void aRollupEndingAfterTodayIsRefusedBeforeAnyRunIsRecorded() {
    ApiFixture.Resp r = api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-14\",\"to\":\"2026-03-16\"}");
    Expect.error(r, 400, "bad_request", "2026-03-16 is after today (2026-03-15 in UTC)");
    assertEquals(new JsonArray(), api.get("/api/stats/runs").array());
  }

  @Test
  void aRollupOfTodayIsAllowed() {
    assertEquals(202, api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-15\",\"to\":\"2026-03-15\"}").status());
  }

  @Test
  void aRunThatFailsAfterItIsRecordedIsAnswered202AndShowsFailed() {
    api.faults.materializeFails(true);
    ApiFixture.Resp r = api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-13\",\"to\":\"2026-03-14\"}");
    assertEquals(202, r.status(), r::toString);
    Expect.fields(api.get("/api/stats/runs/1").json(), "status", "failed", "error", "disk full");
    assertTrue(api.getOpen("/metrics").body()
        .contains("aether_stats_rollup_runs_total{kind=\"rollup\",outcome=\"failed\"} 1"));
  }

  @Test
  void aRunThatCannotBeRecordedIs503() {
    api.faults.runStartFails(true);
    Expect.error(api.postJson("/api/stats/backfill", "{\"days\":10}"), 503, "database_unavailable",
        "the database is unavailable");
  }

  @Test
  void runsAreListedNewestFirstWithALimit() {
    for (int i = 0; i < 3; i++) {
      assertEquals(202, api.postJson("/api/stats/backfill", "{\"days\":5}").status());
    }
    JsonArray all = api.get("/api/stats/runs").array();
    assertEquals(3, all.size());
    assertEquals(3L, all.getJsonObject(0).getLong("id"));
    assertEquals(1L, all.getJsonObject(2).getLong("id"));
    JsonArray two = api.get("/api/stats/runs?limit=2").array();
    assertEquals(2, two.size());
    assertEquals(3L, two.getJsonObject(0).getLong("id"));
    assertEquals(1, api.get("/api/stats/runs?limit=1").array().size());
    assertEquals(3, api.get("/api/stats/runs?limit=100").array().size());
  }

  @Test
  void unknownRunIs404AndBadIdsAre400() {
    Expect.error(api.get("/api/stats/runs/42"), 404, "not_found", "no run 42");
    Expect.error(api.get("/api/stats/runs/abc"), 400, "bad_request", "run id must be a positive whole number, got 'abc'");
    Expect.error(api.get("/api/stats/runs/0"), 400, "bad_request", "run id must be a positive whole number");
    Expect.error(api.get("/api/stats/runs/-1"), 400, "bad_request", "run id must be a positive whole number");
    Expect.error(api.get("/api/stats/runs/1.5"), 400, "bad_request", "run id must be a positive whole number");
    Expect.error(api.get("/api/stats/runs/99999999999999999999999"), 400, "bad_request",
        "run id must be a positive whole number");
  }

  @Test
  void aWholeNumberWrittenAsDecimalIsAccepted() {
    ApiFixture.Resp r = api.postJson("/api/stats/backfill", "{\"days\":2.0}");
    assertEquals(202, r.status(), r::toString);
    Expect.fields(r.json(), "first_day", "2026-03-13", "last_day", "2026-03-14");
  }

  @Test
  void theContentTypeMayCarryTheUtf8Charset() {
    ApiFixture.Resp r = api.send(io.vertx.core.http.HttpMethod.POST, "/api/stats/backfill",
        java.util.Map.of("Authorization", "Bearer " + ApiFixture.TOKEN,
            "Content-Type", "Application/JSON; charset=UTF-8"),
        io.vertx.core.buffer.Buffer.buffer("{\"days\":3}"));
    assertEquals(202, r.status(), r::toString);
    assertNotNull(r.json().getLong("id"));
    assertNull(r.json().getString("error"));
  }

  @Test
  void aSecondRunOfAKindWhileOneRunsIs409NamingTheRunningRun() {
    var gate = api.faults.holdMaterialization();
    ApiFixture.Resp first = api.postJson("/api/stats/backfill", "{\"days\":30}");
    assertEquals(202, first.status(), first::toString);
    Expect.fields(first.json(), "id", 1, "status", "running");

    ApiFixture.Resp second = api.postJson("/api/stats/backfill", "{\"days\":5}");
    Expect.error(second, 409, "conflict", "a backfill is already running (run 1)");
    assertEquals("{\"error\":\"conflict\",\"message\":\"a backfill is already running (run 1)\"}", second.body());
    assertEquals("/api/stats/runs/1", second.header("location"));

    // another kind is not in the way; its own second run is
    ApiFixture.Resp rollup = api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-13\",\"to\":\"2026-03-13\"}");
    assertEquals(202, rollup.status(), rollup::toString);
    Expect.fields(rollup.json(), "id", 2, "kind", "rollup", "status", "running");
    Expect.error(api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-14\",\"to\":\"2026-03-14\"}"), 409,
        "conflict", "a rollup is already running (run 2)");
    // refused runs were never recorded
    assertEquals(2, api.get("/api/stats/runs").array().size());

    gate.complete(null); // the in-memory runs finish on this thread
    Expect.fields(api.get("/api/stats/runs/1").json(), "status", "succeeded", "days_written", 2);
    Expect.fields(api.get("/api/stats/runs/2").json(), "status", "succeeded", "days_written", 1);
    ApiFixture.Resp third = api.postJson("/api/stats/backfill", "{\"days\":5}");
    assertEquals(202, third.status(), third::toString);
    Expect.fields(third.json(), "id", 3, "kind", "backfill");
  }

  @Test
  void aRunRefusedAsBadInputDoesNotBlockTheNext() {
    Expect.error(api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-14\",\"to\":\"2026-03-16\"}"), 400,
        "bad_request", "after today");
    assertEquals(202, api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-14\",\"to\":\"2026-03-14\"}").status());
  }
}
