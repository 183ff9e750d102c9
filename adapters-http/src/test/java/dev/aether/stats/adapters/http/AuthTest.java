package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every /api route needs the bearer token; /health, /metrics and /openapi.json do not. */
class AuthTest {
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

  static Stream<Arguments> apiRoutes() {
    return Stream.of(
        Arguments.of(HttpMethod.GET, "/api/stats/combined", null),
        Arguments.of(HttpMethod.GET, "/api/stats/today", null),
        Arguments.of(HttpMethod.GET, "/api/stats/summary", null),
        Arguments.of(HttpMethod.GET, "/api/stats/daily?from=2026-03-13&to=2026-03-14", null),
        Arguments.of(HttpMethod.GET, "/api/stats/daily/models?from=2026-03-13&to=2026-03-14", null),
        Arguments.of(HttpMethod.GET, "/api/stats/users/u1/daily?from=2026-03-13&to=2026-03-14", null),
        Arguments.of(HttpMethod.POST, "/api/stats/rollup", "{\"from\":\"2026-03-13\",\"to\":\"2026-03-14\"}"),
        Arguments.of(HttpMethod.POST, "/api/stats/backfill", "{\"days\":3}"),
        Arguments.of(HttpMethod.GET, "/api/stats/runs", null),
        Arguments.of(HttpMethod.GET, "/api/stats/runs/1", null),
        // unknown paths and wrong methods under /api reveal nothing without the token
        Arguments.of(HttpMethod.GET, "/api/stats/nothing-here", null),
        Arguments.of(HttpMethod.DELETE, "/api/stats/combined", null),
        Arguments.of(HttpMethod.GET, "/api", null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("apiRoutes")
  void withoutATokenIs401(HttpMethod method, String uri, String body) {
    ApiFixture.Resp r = send(method, uri, null, body);
    Expect.error(r, 401, "unauthorized", "Authorization: Bearer");
    assertEquals("Bearer realm=\"aether-stats\"", r.header("www-authenticate"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("apiRoutes")
  void withAWrongTokenIs401(HttpMethod method, String uri, String body) {
    for (String header : new String[] {"Bearer wrong", "Bearer " + ApiFixture.TOKEN + "x",
        "Bearer " + ApiFixture.TOKEN.substring(1), "Bearer ", "Bearer"}) {
      ApiFixture.Resp r = send(method, uri, header, body);
      assertEquals(401, r.status(), header + " -> " + r);
      assertEquals("unauthorized", r.json().getString("error"));
      assertFalse(r.body().contains(ApiFixture.TOKEN), "the token must not be echoed");
    }
    Expect.error(send(method, uri, "Basic " + ApiFixture.TOKEN, body), 401, "unauthorized", "Bearer scheme");
    Expect.error(send(method, uri, "Bearer wrong", body), 401, "unauthorized", "not valid");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("apiRoutes")
  void withTheTokenIsNot401(HttpMethod method, String uri, String body) {
    assertNotEquals(401, send(method, uri, "Bearer " + ApiFixture.TOKEN, body).status());
    // the scheme is case-insensitive, as RFC 7235 says
    assertNotEquals(401, send(method, uri, "bearer " + ApiFixture.TOKEN, body).status());
  }

  @Test
  void healthMetricsAndOpenApiAreOpen() {
    ApiFixture.Resp health = api.getOpen("/health");
    assertEquals(200, health.status());
    Expect.fields(health.json(), "status", "UP", "database", "UP");
    assertEquals(200, api.getOpen("/metrics").status());
    assertEquals(200, api.getOpen("/openapi.json").status());
    assertEquals("3.1.0", api.getOpen("/openapi.json").json().getString("openapi"));
  }

  private static ApiFixture.Resp send(HttpMethod method, String uri, String authorization, String body) {
    Map<String, String> headers = new java.util.HashMap<>();
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    return api.send(method, uri, headers, body == null ? null : Buffer.buffer(body));
  }
}
