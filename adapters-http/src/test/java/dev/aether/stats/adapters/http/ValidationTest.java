package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every input check, with the message it gives. */
class ValidationTest {
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = ApiFixture.start();
    March2026.seed(api.gateway);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/stats/daily", "/api/stats/daily/models", "/api/stats/users/u1/daily"})
  void rangeParametersAreChecked(String path) {
    Expect.error(api.get(path), 400, "bad_request", "query parameter from is required");
    Expect.error(api.get(path + "?from=2026-03-01"), 400, "bad_request", "query parameter to is required");
    Expect.error(api.get(path + "?to=2026-03-01"), 400, "bad_request", "query parameter from is required");
    Expect.error(api.get(path + "?from=2026-02-30&to=2026-03-01"), 400, "bad_request",
        "from 2026-02-30 is not a real date: 2026-02 has 28 days");
    Expect.error(api.get(path + "?from=2024-02-28&to=2023-02-29"), 400, "bad_request",
        "to 2023-02-29 is not a real date: 2023-02 has 28 days");
    Expect.error(api.get(path + "?from=2026-13-01&to=2026-03-01"), 400, "bad_request",
        "from 2026-13-01 is not a real date: there is no month 13");
    Expect.error(api.get(path + "?from=2026-04-31&to=2026-05-01"), 400, "bad_request", "2026-04 has 30 days");
    Expect.error(api.get(path + "?from=2026-00-10&to=2026-05-01"), 400, "bad_request", "there is no month 0");
    Expect.error(api.get(path + "?from=2026-03-00&to=2026-05-01"), 400, "bad_request", "2026-03 has 31 days");
    Expect.error(api.get(path + "?from=2026-3-1&to=2026-03-02"), 400, "bad_request",
        "from must be a date as YYYY-MM-DD, got '2026-3-1'");
    Expect.error(api.get(path + "?from=&to=2026-03-02"), 400, "bad_request",
        "from must be a date as YYYY-MM-DD, got ''");
    Expect.error(api.get(path + "?from=2026-03-01T00:00:00Z&to=2026-03-02"), 400, "bad_request",
        "from must be a date as YYYY-MM-DD");
    Expect.error(api.get(path + "?from=%D9%A2%D9%A0%D9%A2%D9%A6-03-01&to=2026-03-02"), 400, "bad_request",
        "from must be a date as YYYY-MM-DD");                     // Arabic-Indic digits are not digits here
    Expect.error(api.get(path + "?from=2026-03-05&to=2026-03-04"), 400, "bad_request",
        "from (2026-03-05) must not be after to (2026-03-04)");
    Expect.error(api.get(path + "?from=2025-01-01&to=2026-01-02"), 400, "bad_request",
        "the range 2025-01-01..2026-01-02 holds 367 days; at most 366 are allowed per request");
    Expect.error(api.get(path + "?from=2026-03-01&to=2026-03-02&from=2026-03-01"), 400, "bad_request",
        "query parameter from is given more than once");
    Expect.error(api.get(path + "?form=2026-03-01&from=2026-03-01&to=2026-03-02"), 400, "bad_request",
        "unknown query parameter 'form'; known: from, to");
    // (Vert.x decodes the query itself for routes with a path parameter, hence the more general message)
    Expect.error(api.get(path + "?from=2026-03-01&to=2026-03-0%zz"), 400, "bad_request", "malformed ");
    Expect.error(api.get(path + "?from=2026-03-01&to=%"), 400, "bad_request", "percent-encoding");
  }

  @Test
  void theLargestRangeAndLeapDaysPass() {
    ApiFixture.Resp r = api.get("/api/stats/daily?from=2025-03-15&to=2026-03-15");  // 366 days
    assertEquals(200, r.status(), r::toString);
    assertEquals(366, r.array().size());
    assertEquals("2025-03-15", r.array().getJsonObject(0).getString("date"));
    assertEquals("2026-03-15", r.array().getJsonObject(365).getString("date"));
    assertEquals(200, api.get("/api/stats/daily?from=2024-02-29&to=2024-02-29").status());
  }

  @Test
  void endpointsWithoutParametersRefuseUnknownOnes() {
    Expect.error(api.get("/api/stats/combined?x=1"), 400, "bad_request",
        "unknown query parameter 'x'; this endpoint takes none");
    Expect.error(api.get("/api/stats/today?from=2026-03-01"), 400, "bad_request", "unknown query parameter 'from'");
    Expect.error(api.get("/api/stats/runs/1?limit=2"), 400, "bad_request", "unknown query parameter 'limit'");
  }

  @ParameterizedTest(name = "limit={0}")
  @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "", "99999999999999999999", "%EF%BC%95"})
  void limitIsAWholeNumberFrom1To100(String limit) {
    Expect.error(api.get("/api/stats/runs?limit=" + limit), 400, "bad_request",
        "limit must be a whole number from 1 to 100, got '");
  }

  @Test
  void postBodiesMustBeDeclaredJson() {
    Expect.error(post("/api/stats/backfill", null, "{\"days\":3}"), 415, "unsupported_media_type",
        "Content-Type: application/json");
    Expect.error(post("/api/stats/backfill", "text/plain", "{\"days\":3}"), 415, "unsupported_media_type",
        "the body must be application/json, not 'text/plain'");
    Expect.error(post("/api/stats/backfill", "application/x-www-form-urlencoded", "days=3"), 415,
        "unsupported_media_type", "not 'application/x-www-form-urlencoded'");
    Expect.error(post("/api/stats/backfill", "multipart/form-data; boundary=x", "--x--"), 415,
        "unsupported_media_type", "not 'multipart/form-data'");
    Expect.error(post("/api/stats/backfill", "application/json; charset=latin1", "{\"days\":3}"), 415,
        "unsupported_media_type", "only UTF-8 JSON is accepted, not charset 'latin1'");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "''                                         | the request body must be a JSON object, got nothing",
      "'{'                                        | the request body is not valid JSON",
      "'{\"days\":3'                              | the request body is not valid JSON",
      "'{days:3}'                                 | the request body is not valid JSON",
      "'{\"days\":3} trailing'                    | the request body is not valid JSON",
      "'[1,2]'                                    | the request body must be a JSON object, got an array",
      "'null'                                     | the request body must be a JSON object, got null",
      "'\"days\"'                                 | the request body must be a JSON object, got a string",
      "'42'                                       | the request body must be a JSON object, got a number",
      "'{}'                                       | field days is required",
      "'{\"days\":null}'                          | days must not be null",
      "'{\"days\":\"30\"}'                        | days must be a whole number, got a string",
      "'{\"days\":true}'                          | days must be a whole number, got a boolean",
      "'{\"days\":[30]}'                          | days must be a whole number, got an array",
      "'{\"days\":{\"n\":30}}'                    | days must be a whole number, got an object",
      "'{\"days\":1.5}'                           | days must be a whole number, got '1.5'",
      "'{\"days\":0}'                             | days must be a whole number from 1 to 3650, got '0'",
      "'{\"days\":-5}'                            | days must be a whole number from 1 to 3650, got '-5'",
      "'{\"days\":3651}'                          | days must be a whole number from 1 to 3650, got '3651'",
      "'{\"days\":99999999999999999999999999}'    | days must be a whole number from 1 to 3650",
      "'{\"days\":1e400}'                         | days must be a whole number from 1 to 3650",
      "'{\"days\":3,\"dryRun\":true}'             | unknown field 'dryRun'; known: days",
  })
  void backfillBodiesAreChecked(String body, String message) {
    Expect.error(post("/api/stats/backfill", "application/json", body), 400, "bad_request", message);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "'{\"from\":\"2026-03-01\"}'                               | field to is required",
      "'{\"to\":\"2026-03-01\"}'                                 | field from is required",
      "'{\"from\":20260301,\"to\":\"2026-03-01\"}'               | from must be a string, got a number",
      "'{\"from\":\"2026-03-01\",\"to\":null}'                   | to must not be null",
      "'{\"from\":\"2026-02-29\",\"to\":\"2026-03-01\"}'         | from 2026-02-29 is not a real date: 2026-02 has 28 days",
      "'{\"from\":\"01/03/2026\",\"to\":\"2026-03-01\"}'         | from must be a date as YYYY-MM-DD, got '01/03/2026'",
      "'{\"from\":\"2026-03-02\",\"to\":\"2026-03-01\"}'         | from (2026-03-02) must not be after to (2026-03-01)",
      "'{\"from\":\"2024-01-01\",\"to\":\"2026-03-01\"}'         | holds 791 days; at most 366 are allowed",
      "'{\"from\":\"2026-03-01\",\"to\":\"2026-03-02\",\"x\":1}' | unknown field 'x'; known: from, to",
      "'{\"from\":\"2026-03-10\",\"to\":\"2026-03-20\"}'         | 2026-03-20 is after today (2026-03-15 in UTC)",
  })
  void rollupBodiesAreChecked(String body, String message) {
    Expect.error(post("/api/stats/rollup", "application/json", body), 400, "bad_request", message);
  }

  @Test
  void deeplyNestedBodiesAreRefusedCleanly() {
    String deep = "{\"days\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    Expect.error(post("/api/stats/backfill", "application/json", deep), 400, "bad_request", "");
  }

  @Test
  void bodiesOver16KbAre413() {
    String big = "{\"days\":3,\"pad\":\"" + "x".repeat(20_000) + "\"}";
    Expect.error(post("/api/stats/backfill", "application/json", big), 413, "payload_too_large",
        "the request body exceeds 16384 bytes");
  }

  private static ApiFixture.Resp post(String path, String contentType, String body) {
    Map<String, String> headers = new java.util.HashMap<>(Map.of("Authorization", "Bearer " + ApiFixture.TOKEN));
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return api.send(HttpMethod.POST, path, headers, Buffer.buffer(body));
  }
}
