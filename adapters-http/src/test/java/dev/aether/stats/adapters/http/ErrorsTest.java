package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 404, 405, a database that is down or hangs, and requests the HTTP decoder refuses. */
class ErrorsTest {
  private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer " + ApiFixture.TOKEN);
  private ApiFixture api;

  @BeforeEach
  void start() {
    api = ApiFixture.start(ZoneId.of("UTC"), Duration.ofMillis(300));
    March2026.seed(api.gateway);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void unknownPathsAre404() {
    Expect.error(api.getOpen("/nope"), 404, "not_found", "no such resource: '/nope'");
    Expect.error(api.getOpen("/"), 404, "not_found", "no such resource");
    Expect.error(api.get("/api/stats/nothing"), 404, "not_found", "no such resource");
    Expect.error(api.get("/api/stats/users/u1"), 404, "not_found", "no such resource");
    Expect.error(api.get("/api/stats/users//daily"), 404, "not_found", "no such resource");
    Expect.error(api.get("/API/stats/combined"), 404, "not_found", "no such resource");
    Expect.error(api.getOpen("/health/x"), 404, "not_found", "no such resource");
  }

  @Test
  void wrongMethodsAre405WithAllow() {
    ApiFixture.Resp r = api.send(HttpMethod.DELETE, "/api/stats/combined", AUTH, null);
    Expect.error(r, 405, "method_not_allowed", "DELETE is not allowed on /api/stats/combined; allowed: GET");
    assertEquals("GET", r.header("allow"));

    r = api.send(HttpMethod.GET, "/api/stats/rollup", AUTH, null);
    Expect.error(r, 405, "method_not_allowed", "allowed: POST");
    assertEquals("POST", r.header("allow"));

    r = api.send(HttpMethod.PUT, "/api/stats/users/u1/daily", AUTH, Buffer.buffer("{}"));
    Expect.error(r, 405, "method_not_allowed", "on /api/stats/users/{user_id}/daily");
    assertEquals("GET", r.header("allow"));

    r = api.send(HttpMethod.POST, "/health", Map.of(), Buffer.buffer("x"));
    Expect.error(r, 405, "method_not_allowed", "allowed: GET");

    r = api.send(HttpMethod.HEAD, "/metrics", Map.of(), null);
    assertEquals(405, r.status());
    assertEquals("GET", r.header("allow"));

    r = api.send(HttpMethod.valueOf("BREW"), "/openapi.json", Map.of(), null);
    Expect.error(r, 405, "method_not_allowed", "BREW is not allowed");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/stats/combined", "/api/stats/today", "/api/stats/summary",
      "/api/stats/daily?from=2026-03-13&to=2026-03-15", "/api/stats/daily/models?from=2026-03-13&to=2026-03-15",
      "/api/stats/users/u1/daily?from=2026-03-13&to=2026-03-15", "/api/stats/runs", "/api/stats/runs/1"})
  void aDatabaseThatIsDownIs503AtOnce(String uri) {
    api.faults.mode(FaultyPorts.Mode.DOWN);
    long start = System.nanoTime();
    Expect.error(api.get(uri), 503, "database_unavailable", "the database is unavailable");
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "answered quickly");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/stats/combined", "/api/stats/today", "/api/stats/summary",
      "/api/stats/daily?from=2026-03-13&to=2026-03-15", "/api/stats/users/u1/daily?from=2026-03-13&to=2026-03-15",
      "/api/stats/runs/1"})
  void aDatabaseThatHangsIs503AfterTheTimeout(String uri) {
    api.faults.mode(FaultyPorts.Mode.HANG);
    long start = System.nanoTime();
    Expect.error(api.get(uri), 503, "database_unavailable", "the database did not answer within 300 ms");
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis >= 250 && millis < 3_000, "answered after the timeout: " + millis + " ms");
  }

  @Test
  void runsCannotStartOnADatabaseThatIsDownOrHangs() {
    api.faults.mode(FaultyPorts.Mode.DOWN);
    Expect.error(api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-13\",\"to\":\"2026-03-14\"}"), 503,
        "database_unavailable", "unavailable");
    api.faults.mode(FaultyPorts.Mode.HANG);
    Expect.error(api.postJson("/api/stats/backfill", "{\"days\":3}"), 503, "database_unavailable", "300 ms");
  }

  @Test
  void healthIs503WhenTheDatabaseIsDownOrHangs() {
    api.faults.mode(FaultyPorts.Mode.DOWN);
    ApiFixture.Resp r = api.getOpen("/health");
    assertEquals(503, r.status());
    Expect.fields(r.json(), "status", "DOWN", "database", "DOWN", "error", "database_unavailable");
    api.faults.mode(FaultyPorts.Mode.HANG);
    long start = System.nanoTime();
    assertEquals(503, api.getOpen("/health").status());
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
    api.faults.mode(FaultyPorts.Mode.OK);
    assertEquals(200, api.getOpen("/health").status());
  }

  @Test
  void openEndpointsStillAnswerWhenTheDatabaseIsDown() {
    api.faults.mode(FaultyPorts.Mode.DOWN);
    assertEquals(200, api.getOpen("/metrics").status());
    assertEquals(200, api.getOpen("/openapi.json").status());
  }

  @Test
  void aTooLongRequestLineIsAJson414() {
    ApiFixture.Resp r = api.getOpen("/api/stats/daily?from=" + "9".repeat(10_000));
    Expect.error(r, 414, "uri_too_long", "the request line is longer than 8192 bytes");
  }

  @Test
  void tooLargeHeadersAreAJson431() {
    ApiFixture.Resp r = api.send(HttpMethod.GET, "/health", Map.of("X-Big", "y".repeat(20_000)), null);
    Expect.error(r, 431, "headers_too_large", "the request headers exceed 16384 bytes");
  }

  @Test
  void aMalformedRequestIsAJson400() throws Exception {
    String answer = raw("GET /health HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    assertTrue(answer.contains("application/json"), answer);
    assertTrue(answer.contains("{\"error\":\"bad_request\",\"message\":\"malformed HTTP request\"}"), answer);
  }

  @Test
  void aBadlyEscapedPathIsA400NotAStackTrace() throws Exception {
    String answer = raw("GET /api/stats/users/%zz/daily HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + ApiFixture.TOKEN + "\r\nConnection: close\r\n\r\n");
    assertTrue(answer.contains("application/json"), answer);
    assertTrue(answer.contains("\"error\":"), answer);
    assertTrue(answer.startsWith("HTTP/1.1 4"), answer);
  }

  /** Sends bytes as they are (no client fixes them up) and returns everything the server answers. */
  private String raw(String request) throws Exception {
    NetClient net = api.vertx.createNetClient();
    try {
      NetSocket socket = ApiFixture.await(net.connect(api.server.port(), "127.0.0.1"));
      CompletableFuture<String> answer = new CompletableFuture<>();
      Buffer received = Buffer.buffer();
      socket.handler(received::appendBuffer);
      socket.closeHandler(v -> answer.complete(received.toString()));
      // answers without closing (keep-alive) are complete once the body has arrived
      api.vertx.setTimer(1_000, t -> answer.complete(received.toString()));
      socket.write(request);
      return answer.get(5, TimeUnit.SECONDS);
    } finally {
      net.close();
    }
  }

  @Test
  void anIllegalArgumentFromInsideIsOurFault500NotTheCallers400() {
    api.faults.mode(FaultyPorts.Mode.CORRUPT);
    for (String uri : new String[] {"/api/stats/combined", "/api/stats/daily?from=2026-03-13&to=2026-03-14"}) {
      ApiFixture.Resp r = api.get(uri);
      Expect.error(r, 500, "internal_error", "the server failed to answer; the cause is in its log");
      assertTrue(!r.body().contains("errorRequests") && !r.body().contains("Exception"), r::toString);
    }
    // while the domain's own "bad input" stays 400
    api.faults.mode(FaultyPorts.Mode.OK);
    Expect.error(api.postJson("/api/stats/rollup", "{\"from\":\"2026-03-14\",\"to\":\"2026-03-16\"}"), 400,
        "bad_request", "is after today");
  }
}
