package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document (openapi.json, the contract requests are validated against) and the router
 * cannot drift: the same operations on both sides, every
 * path parameter declared, every $ref resolvable, and each schema's properties exactly the keys the
 * endpoint sends.
 */
class OpenApiDriftTest {
  private static ApiFixture api;
  private static JsonObject doc;

  @BeforeAll
  static void start() {
    api = ApiFixture.start();
    March2026.seed(api.gateway);
    doc = api.getOpen("/openapi.json").json();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() {
    Router router = api.api.router(api.vertx, api.api.contract(api.vertx).await());
    Set<String> routed = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      if (route.methods() == null || route.methods().isEmpty() || route.getPath() == null) {
        continue; // handlers for every method: recorder, auth, 405 and 404 fallbacks
      }
      for (HttpMethod m : route.methods()) {
        routed.add(m.name() + " " + RouteTable.openApiPath(route.getPath()));
      }
    }
    Set<String> documented = new TreeSet<>();
    doc.getJsonObject("paths").forEach(p -> ((JsonObject) p.getValue()).fieldNames()
        .forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
    assertEquals(documented, routed);
    assertEquals(21, routed.size(), routed::toString);
  }

  @Test
  void pathParametersAreDeclaredAndApiRoutesAreSecured() {
    doc.getJsonObject("paths").forEach(p -> {
      JsonObject item = (JsonObject) p.getValue();
      item.fieldNames().forEach(method -> {
        JsonObject op = item.getJsonObject(method);
        assertNotNull(op.getString("operationId"), p.getKey());
        assertTrue(op.getJsonObject("responses").size() > 0, p.getKey());
        Set<String> declared = new TreeSet<>();
        JsonArray params = op.getJsonArray("parameters", new JsonArray());
        params.forEach(x -> {
          JsonObject param = (JsonObject) x;
          if (param.getString("in").equals("path")) {
            declared.add(param.getString("name"));
            assertTrue(param.getBoolean("required"));
          }
        });
        Set<String> inPath = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(p.getKey());
        while (m.find()) {
          inPath.add(m.group(1));
        }
        assertEquals(inPath, declared, method + " " + p.getKey());
        boolean open = op.containsKey("security") && op.getJsonArray("security").isEmpty();
        assertEquals(!p.getKey().startsWith("/api/"), open, "security of " + p.getKey());
        if (method.equals("post")) {
          assertTrue(op.getJsonObject("requestBody").getBoolean("required"));
        }
      });
    });
    assertEquals("bearer", doc.getJsonObject("components").getJsonObject("securitySchemes")
        .getJsonObject("bearerAuth").getString("scheme"));
  }

  @Test
  void everyReferenceResolves() {
    Set<String> refs = new TreeSet<>();
    collectRefs(doc, refs);
    assertFalse(refs.isEmpty());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), ref);
      Object target = doc;
      for (String part : ref.substring(2).split("/")) {
        target = ((JsonObject) target).getValue(part);
        assertNotNull(target, "unresolved " + ref);
      }
    }
  }

  @Test
  void schemasListExactlyTheKeysTheEndpointsSend() {
    assertEquals(202, api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-13\",\"to\":\"2026-03-14\"}").status());
    assertKeys("Combined", api.get("/api/stats/combined").json());
    assertKeys("Today", api.get("/api/stats/today").json());
    assertKeys("Summary", api.get("/api/stats/summary").json());
    assertKeys("Daily", api.get("/api/stats/daily?from=2026-03-13&to=2026-03-13").array().getJsonObject(0));
    assertKeys("ModelDaily", api.get("/api/stats/daily/models?from=2026-03-13&to=2026-03-13").array()
        .getJsonObject(0));
    assertKeys("UserDaily", api.get("/api/stats/users/u1/daily?from=2026-03-13&to=2026-03-13").array()
        .getJsonObject(0));
    assertKeys("Hourly", api.get("/api/stats/hourly?from=2026-03-13&to=2026-03-13").array().getJsonObject(0));
    assertKeys("ModelHourly", api.get("/api/stats/hourly/models?from=2026-03-13&to=2026-03-13").array()
        .getJsonObject(0));
    assertKeys("Run", api.get("/api/stats/runs/1").json());
    String range = "?from=2026-03-13&to=2026-03-15";
    assertKeys("LeaderboardEntry", api.get("/api/stats/leaderboard/users" + range).array().getJsonObject(0));
    assertKeys("Latency", api.get("/api/stats/latency" + range).array().getJsonObject(0));
    assertKeys("Errors", api.get("/api/stats/errors" + range).array().getJsonObject(0));
    assertKeys("Efficiency", api.get("/api/stats/efficiency" + range).array().getJsonObject(0));
    assertKeys("SeriesPoint", api.get("/api/stats/series" + range).array().getJsonObject(0));
    assertKeys("Comparison", api.get("/api/stats/comparison" + range).json());
    assertKeys("Error", api.get("/api/stats/runs/99").json());
    JsonObject health = api.getOpen("/health").json();
    Set<String> healthProps = schema("Health").getJsonObject("properties").fieldNames();
    assertTrue(healthProps.containsAll(health.fieldNames()), health::encode);
  }

  @Test
  void theDocumentStatesTheConfiguredRangeLimit() {
    assertTrue(doc.getJsonObject("paths").getJsonObject("/api/stats/daily").getJsonObject("get")
        .getString("description").contains("at most 366 days"));
  }

  private static void assertKeys(String schemaName, JsonObject sent) {
    JsonObject schema = schema(schemaName);
    assertEquals(new TreeSet<>(schema.getJsonObject("properties").fieldNames()), new TreeSet<>(sent.fieldNames()),
        schemaName);
    Set<String> required = new TreeSet<>();
    schema.getJsonArray("required").forEach(r -> required.add((String) r));
    assertEquals(new TreeSet<>(sent.fieldNames()), required, schemaName + " required");
  }

  private static JsonObject schema(String name) {
    return doc.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
  }

  private static void collectRefs(Object node, Set<String> refs) {
    if (node instanceof JsonObject o) {
      o.forEach(e -> {
        if (e.getKey().equals("$ref")) {
          refs.add((String) e.getValue());
        } else {
          collectRefs(e.getValue(), refs);
        }
      });
    } else if (node instanceof JsonArray a) {
      a.forEach(x -> collectRefs(x, refs));
    }
  }
}
