package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.api.AnalyticsQuery;
import dev.aether.stats.domain.api.CheckHealth;
import dev.aether.stats.domain.api.HourlyStatsQuery;
import dev.aether.stats.domain.api.RunQueries;
import dev.aether.stats.domain.api.StartRollup;
import dev.aether.stats.domain.api.StatsQuery;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.openapi.contract.OpenAPIContract;
import java.time.Duration;
import java.util.Objects;

/**
 * The admin HTTP API: its dependencies, and the router built on them.
 *
 * <p>Order of the router: metrics recorder (every request), open routes (/health, /metrics,
 * /openapi.json), bearer auth on /api/*, the API's routes, the dashboard's (when on), then 405 per known path
 * and 404 for the rest;
 * one failure handler turns every error into {"error","message"} JSON, with last-resort handlers behind it.
 */
public final class AdminApi {
  /** POST bodies are small commands; anything bigger is refused with 413. */
  static final int MAX_BODY_BYTES = 16 * 1024;
  /** /health answers within this even when the database timeout is longer: probes have short deadlines. */
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

  /**
   * What the API needs: the domain's inbound ports only (queries and commands, never an outbound port).
   * {@code rollups} should refuse a second run of a kind while one runs (the domain's OneRunPerKind).
   * {@code maxRangeDays} bounds the day ranges of reads and rollups; {@code
   * databaseTimeout} bounds every use case call (past it: 503). {@code metrics} is shared with whoever
   * records rollup runs outside HTTP (the timer). {@code hourly} answers the hour reads.
   */
  public record Dependencies(
      CheckHealth health,
      StatsQuery queries,
      StartRollup rollups,
      RunQueries runs,
      BusinessCalendar calendar,
      String adminToken,
      int maxRangeDays,
      ApiMetrics metrics,
      Duration databaseTimeout,
      HourlyStatsQuery hourly,
      AnalyticsQuery analytics) {
    public static final int DEFAULT_MAX_RANGE_DAYS = 366;
    public static final Duration DEFAULT_DATABASE_TIMEOUT = Duration.ofSeconds(10);

    public Dependencies {
      Objects.requireNonNull(health, "health");
      Objects.requireNonNull(queries, "queries");
      Objects.requireNonNull(rollups, "rollups");
      Objects.requireNonNull(runs, "runs");
      Objects.requireNonNull(calendar, "calendar");
      Objects.requireNonNull(metrics, "metrics");
      Objects.requireNonNull(databaseTimeout, "databaseTimeout");
      Objects.requireNonNull(hourly, "hourly");
      Objects.requireNonNull(analytics, "analytics");
      if (adminToken == null || adminToken.isBlank()) {
        throw new IllegalArgumentException("the admin token must not be blank");
      }
      if (maxRangeDays < 1 || maxRangeDays > StartRollup.MAX_BACKFILL_DAYS) {
        throw new IllegalArgumentException(
            "maxRangeDays must be between 1 and " + StartRollup.MAX_BACKFILL_DAYS + ", got " + maxRangeDays);
      }
      if (databaseTimeout.isNegative() || databaseTimeout.isZero()) {
        throw new IllegalArgumentException("databaseTimeout must be positive");
      }
    }

    /** With the default database timeout (10 s). */
    public Dependencies(CheckHealth health, StatsQuery queries, StartRollup rollups, RunQueries runs,
        BusinessCalendar calendar, String adminToken, int maxRangeDays, ApiMetrics metrics, HourlyStatsQuery hourly,
        AnalyticsQuery analytics) {
      this(health, queries, rollups, runs, calendar, adminToken, maxRangeDays, metrics, DEFAULT_DATABASE_TIMEOUT,
          hourly, analytics);
    }

    /** Never shows the token (a record's generated toString would). */
    @Override
    public String toString() {
      return "Dependencies[calendar zone=" + calendar.zone().getId() + ", adminToken=<redacted>, maxRangeDays="
          + maxRangeDays + ", databaseTimeout=" + databaseTimeout + "]";
    }
  }

  private final Dependencies deps;
  private final boolean dashboard;

  /** The API alone, without the dashboard page. */
  public AdminApi(Dependencies deps) {
    this(deps, false);
  }

  /** With {@code dashboard}, also the page at / (see {@link DashboardRoutes}). */
  public AdminApi(Dependencies deps, boolean dashboard) {
    this.deps = Objects.requireNonNull(deps, "deps");
    this.dashboard = dashboard;
  }

  public ApiMetrics metrics() {
    return deps.metrics();
  }

  /** The contract the router validates requests against (openapi.json with this API's range limit). */
  Future<OpenAPIContract> contract(Vertx vertx) {
    return ApiContract.load(vertx, ApiContract.document(deps.maxRangeDays()));
  }

  Router router(Vertx vertx, OpenAPIContract contract) {
    Router router = Router.router(vertx);
    RouteTable routes = new RouteTable(router, new RequestValidation(vertx, contract));
    MetricsHandlers metrics = new MetricsHandlers(deps.metrics(), routes);
    UseCaseCalls calls = new UseCaseCalls(deps.databaseTimeout());
    String openApi = ApiContract.document(deps.maxRangeDays()).encode();

    router.route().handler(metrics.recorder());
    router.route().failureHandler(new ErrorHandler(routes, deps.databaseTimeout()));
    ErrorHandler.installLastResort(router);

    Duration healthTimeout = deps.databaseTimeout().compareTo(HEALTH_TIMEOUT) < 0
        ? deps.databaseTimeout() : HEALTH_TIMEOUT;
    routes.add(HttpMethod.GET, "/health").handler(new HealthHandler(deps.health(), healthTimeout));
    routes.add(HttpMethod.GET, "/metrics").handler(metrics.exposition());
    routes.add(HttpMethod.GET, "/openapi.json").handler(ctx -> ctx.response()
        .putHeader("content-type", Responses.JSON).end(openApi));

    // Registered before the API's routes, so it runs first for any path under /api, known or not:
    // without the token, nothing under /api is revealed, not even which paths exist.
    router.route("/api/*").handler(new AuthHandler(deps.adminToken()));
    new StatsRoutes(deps.queries(), deps.calendar(), calls, deps.maxRangeDays()).register(routes);
    new HourlyRoutes(deps.hourly(), calls).register(routes);
    new AnalyticsRoutes(deps.analytics(), calls, deps.maxRangeDays()).register(routes);
    new RunRoutes(deps.rollups(), deps.runs(), calls, deps.metrics(), deps.maxRangeDays()).register(routes);
    if (dashboard) new DashboardRoutes().register(router);
    routes.finish();
    return router;
  }
}
