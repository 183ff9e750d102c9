package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every list endpoint answers text/csv when the Accept header prefers it; JSON otherwise. */
class CsvEndpointsTest extends SeededApiTest {
  private static final String CSV = "text/csv; charset=utf-8; header=present";

  private ApiFixture.Resp get(String uri, String accept) {
    return api.send(HttpMethod.GET, uri, Map.of("Authorization", "Bearer " + ApiFixture.TOKEN, "Accept", accept), null);
  }

  @Test
  void aUsersDaysAsCsv() {
    ApiFixture.Resp r = get("/api/stats/users/u1/daily?from=2026-03-13&to=2026-03-15", "text/csv");
    assertEquals(200, r.status(), r::toString);
    assertEquals(CSV, r.header("content-type"));
    assertEquals("Accept", r.header("vary"));
    // u1: r1 + r3 on 03-13 (r3 an error), r4 on 03-14, r6 on 03-15; nothing materialized yet: all live
    assertEquals("date,user_id,total_requests,success_requests,error_requests,input_tokens,output_tokens,"
        + "cache_creation_tokens,cache_read_tokens,total_cost,source\r\n"
        + "2026-03-13,u1,2,1,1,110,55,10,5,0.11,live\r\n"
        + "2026-03-14,u1,1,1,0,1000,500,0,0,1.5,live\r\n"
        + "2026-03-15,u1,1,1,0,20,10,0,0,0.02,live\r\n", r.body());
  }

  @Test
  void everyListEndpointHasTheSameFieldsAndValuesAsItsJson() {
    assertEquals(202, api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-13\",\"to\":\"2026-03-14\"}").status());
    for (String uri : List.of("/api/stats/daily?from=2026-03-13&to=2026-03-15",
        "/api/stats/daily/models?from=2026-03-13&to=2026-03-15",
        "/api/stats/users/u1/daily?from=2026-03-13&to=2026-03-15", "/api/stats/runs")) {
      JsonArray json = api.get(uri).array();
      ApiFixture.Resp csv = get(uri, "text/csv");
      assertEquals(CSV, csv.header("content-type"), uri);
      List<String> lines = List.of(csv.body().split("\r\n"));
      assertEquals(json.size() + 1, lines.size(), uri + ":\n" + csv.body());
      JsonObject first = json.getJsonObject(0);
      assertEquals(String.join(",", first.fieldNames()), lines.get(0), uri);
      for (int i = 0; i < json.size(); i++) {
        JsonObject o = json.getJsonObject(i);
        String[] cells = lines.get(i + 1).split(",", -1);
        int c = 0;
        for (String field : first.fieldNames()) {
          Object v = o.getValue(field);
          assertEquals(v == null ? "" : v.toString(), cells[c++], uri + " row " + i + " " + field);
        }
      }
    }
  }

  @Test
  void theAcceptHeaderDecides() {
    String uri = "/api/stats/daily?from=2026-03-13&to=2026-03-14";
    for (String accept : List.of("text/csv", "text/*", "text/csv, */*;q=0.1", "application/json;q=0.5, text/csv",
        "TEXT/CSV")) {
      assertEquals(CSV, get(uri, accept).header("content-type"), accept);
    }
    for (String accept : List.of("*/*", "application/json", "text/csv;q=0.5, application/json",
        "application/json, text/csv", "text/html, */*;q=0.8", "text/csv;q=0, application/*")) {
      ApiFixture.Resp r = get(uri, accept);
      assertEquals(Responses.JSON, r.header("content-type"), accept);
      assertEquals(2, r.array().size(), accept);
    }
    assertEquals(Responses.JSON, api.get(uri).header("content-type"), "no Accept: JSON");
  }

  @Test
  void aListNobodyCanReadIs406() {
    for (String accept : List.of("text/html", "application/xml", "application/json;q=0", "text/csv;q=0")) {
      Expect.error(get("/api/stats/daily?from=2026-03-13&to=2026-03-14", accept), 406, "not_acceptable",
          "answered as application/json or text/csv; the Accept header allows neither");
    }
    // objects are JSON whatever the Accept header says (a lenient answer, as HTTP allows)
    assertEquals(200, get("/api/stats/combined", "text/html").status());
  }

  @Test
  void objectsAndErrorsStayJson() {
    ApiFixture.Resp combined = get("/api/stats/combined", "text/csv");
    assertEquals(200, combined.status());
    assertEquals(Responses.JSON, combined.header("content-type"));
    ApiFixture.Resp bad = get("/api/stats/daily?from=2026-03-14&to=2026-03-13", "text/csv");
    assertEquals(400, bad.status());
    assertTrue(bad.header("content-type").startsWith("application/json"), bad::toString);
  }

  @Test
  void theOpenApiDocumentDeclaresBothViewsOfEachListAndTheConflictOfRuns() {
    JsonObject paths = api.getOpen("/openapi.json").json().getJsonObject("paths");
    for (String list : List.of("/api/stats/daily", "/api/stats/daily/models", "/api/stats/users/{user_id}/daily",
        "/api/stats/runs")) {
      JsonObject content = paths.getJsonObject(list).getJsonObject("get").getJsonObject("responses")
          .getJsonObject("200").getJsonObject("content");
      assertEquals(java.util.Set.of("application/json", "text/csv"), content.fieldNames(), list);
    }
    for (String start : List.of("/api/stats/rollup", "/api/stats/backfill")) {
      assertEquals("#/components/responses/Conflict", paths.getJsonObject(start).getJsonObject("post")
          .getJsonObject("responses").getJsonObject("409").getString("$ref"), start);
    }
    assertTrue(api.getOpen("/openapi.json").json().getJsonObject("components").getJsonObject("responses")
        .containsKey("Conflict"));
  }
}
