package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.fakes.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.fakes.HourPorts;
import dev.aether.stats.domain.fakes.InMemoryGateway;
import dev.aether.stats.domain.usecase.HourlyQueries;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.domain.usecase.RunHistory;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The constructor's checks, and the token kept out of toString. */
class DependenciesTest {
  private final MutableClock clock = new MutableClock(ApiFixture.NOW);
  private final BusinessCalendar calendar = new BusinessCalendar(ZoneId.of("UTC"), clock);
  private final InMemoryGateway gateway = new InMemoryGateway(clock);
  private final StatsPorts ports = gateway.ports();
  private final HourPorts hours = gateway.hourPorts();

  private AdminApi.Dependencies deps(String token, int maxRangeDays) {
    return new AdminApi.Dependencies(() -> CompletableFuture.completedFuture(null), ports.queries(calendar),
        ports.rollupService(calendar, 7), new RunHistory(ports.runLog()), calendar, token, maxRangeDays,
        new ApiMetrics(), hourlyQueries(), gateway.analyticsPorts().queries(ports, hourlyQueries(), calendar));
  }

  private HourlyQueries hourlyQueries() {
    return new HourlyQueries(hours.hourlyStats(), hours.modelHourlyStats(), calendar);
  }

  @Test
  void theTokenNeverShowsInToString() {
    AdminApi.Dependencies d = deps(ApiFixture.TOKEN, 366);
    assertFalse(d.toString().contains(ApiFixture.TOKEN), d::toString);
    assertTrue(d.toString().contains("<redacted>"));
    assertEquals(AdminApi.Dependencies.DEFAULT_DATABASE_TIMEOUT, d.databaseTimeout());
    assertEquals(Duration.ofSeconds(10), d.databaseTimeout());
  }

  @Test
  void blankTokensAndBadLimitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> deps("", 366));
    assertThrows(IllegalArgumentException.class, () -> deps("   ", 366));
    assertThrows(IllegalArgumentException.class, () -> deps(null, 366));
    assertThrows(IllegalArgumentException.class, () -> deps("t", 0));
    assertThrows(IllegalArgumentException.class, () -> deps("t", 3651));
    assertThrows(NullPointerException.class, () -> new AdminApi(null));
  }

  @Test
  void theRangeLimitIsConfigurable() {
    try (ApiFixture api = ApiFixture.start()) {
      // the fixture uses 366; a dedicated API with 7 shows the limit is the configured one
      AdminApi.Dependencies small = new AdminApi.Dependencies(() -> CompletableFuture.completedFuture(null),
          api.gateway.ports().queries(api.calendar), api.gateway.ports().rollupService(api.calendar, 7),
          new RunHistory(api.gateway.ports().runLog()), api.calendar, "t0ken", 7, new ApiMetrics(), Duration.ofSeconds(1),
          api.hourlyQueries(), api.gateway.analyticsPorts().queries(api.gateway.ports(), api.hourlyQueries(),
              api.calendar));
      AdminHttpServer server = ApiFixture.await(io.vertx.core.Future.fromCompletionStage(
          AdminHttpServer.start(api.vertx, "127.0.0.1", 0, new AdminApi(small))));
      try {
        var r = ApiFixture.await(api.client.get(server.port(), "127.0.0.1", "/api/stats/daily?from=2026-03-01&to=2026-03-08")
            .putHeader("Authorization", "Bearer t0ken").send());
        assertEquals(400, r.statusCode());
        assertTrue(r.bodyAsString().contains("holds 8 days; at most 7 are allowed"), r.bodyAsString());
      } finally {
        server.close();
      }
    }
  }
}
