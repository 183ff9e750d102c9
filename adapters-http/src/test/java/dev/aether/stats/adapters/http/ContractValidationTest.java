package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.openapi.contract.OpenAPIContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests are checked by Vert.x against openapi.json, and its findings are worded as our 400s. */
class ContractValidationTest {
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = ApiFixture.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void theServedDocumentIsTheContractFileWithTheRangeLimit() {
    var doc = api.getOpen("/openapi.json").json();
    assertEquals("3.1.0", doc.getString("openapi"));
    assertEquals(ApiContract.document(366), doc);
    assertTrue(doc.encode().contains("at most 366 days"));
    assertTrue(!doc.encode().contains(ApiContract.MAX_RANGE_DAYS));
  }

  @Test
  void theContractsEnumsAndBoundsAreEnforcedAndNamed() {
    // the handler alone would answer 404 for an unknown kind: the 400 is the contract's path enum
    Expect.error(api.get("/api/stats/leaderboard/teams?from=2026-03-01&to=2026-03-02"), 400, "bad_request",
        "kind must be one of users, api-keys, models, providers, got 'teams'");
    Expect.error(api.get("/api/stats/leaderboard/users?from=2026-03-01&to=2026-03-02&offset=1000001"), 400,
        "bad_request", "offset must be a whole number from 0 to 1000000, got '1000001'");
    Expect.error(api.get("/api/stats/latency?to=2026-03-02"), 400, "bad_request", "query parameter from is required");
    // the parameter's title names it
    Expect.error(api.get("/api/stats/runs/99999999999999999999"), 400, "bad_request",
        "run id must be a positive whole number, got '99999999999999999999'");
  }

  @Test
  void aRouteTheContractDoesNotDescribeIsRefusedAtStart() {
    OpenAPIContract contract = api.api.contract(api.vertx).await();
    RouteTable routes = new RouteTable(Router.router(api.vertx), new RequestValidation(api.vertx, contract));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> routes.add(HttpMethod.GET, "/api/stats/secret"));
    assertTrue(e.getMessage().contains("GET /api/stats/secret is routed but not in openapi.json"), e.getMessage());
  }
}
