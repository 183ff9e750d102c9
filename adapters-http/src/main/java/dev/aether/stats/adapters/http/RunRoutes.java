package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.api.RunQueries;
import dev.aether.stats.domain.api.StartRollup;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.usecase.BatchProgress;
import dev.aether.stats.domain.usecase.ProgressListener;
import dev.aether.stats.domain.usecase.RollupResult;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Rollup runs: starting one (rollup of a range, backfill of a history) and reading the run log.
 *
 * <p>A run can take minutes, so POST answers 202 as soon as the run is recorded (the use case's
 * {@link ProgressListener#onStart}) and the run goes on in the background; its progress and end are read
 * with GET /api/stats/runs/{id}. A run that fails before it is recorded (a bad range, a database that is
 * down, a run of the same kind in progress: 409) is answered with that error instead.
 */
final class RunRoutes {
  private static final System.Logger LOG = System.getLogger(RunRoutes.class.getName());
  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 100;

  private final StartRollup rollups;
  private final RunQueries runs;
  private final UseCaseCalls calls;
  private final ApiMetrics metrics;
  private final int maxRangeDays;

  RunRoutes(StartRollup rollups, RunQueries runs, UseCaseCalls calls, ApiMetrics metrics, int maxRangeDays) {
    this.rollups = rollups;
    this.runs = runs;
    this.calls = calls;
    this.metrics = metrics;
    this.maxRangeDays = maxRangeDays;
  }

  void register(RouteTable routes) {
    // Vert.x wants the body handler first on a route; it only buffers (up to the limit, else 413).
    BodyHandler body = BodyHandler.create(false).setBodyLimit(AdminApi.MAX_BODY_BYTES).setMergeFormAttributes(false);
    routes.add(HttpMethod.POST, "/api/stats/rollup")
        .handler(body).handler(JsonBody.requireJsonContentType()).handler(this::rollup);
    routes.add(HttpMethod.POST, "/api/stats/backfill")
        .handler(body).handler(JsonBody.requireJsonContentType()).handler(this::backfill);
    routes.add(HttpMethod.GET, "/api/stats/runs").handler(this::recent);
    routes.add(HttpMethod.GET, "/api/stats/runs/:id").handler(this::byId);
  }

  private void rollup(RoutingContext ctx) {
    QueryParams.of(ctx);
    JsonObject body = JsonBody.object(ctx, Set.of("from", "to"));
    DayRange range = Dates.range(
        Dates.parse("from", JsonBody.requiredString(body, "from")),
        Dates.parse("to", JsonBody.requiredString(body, "to")), maxRangeDays);
    start(ctx, RunKind.ROLLUP, listener -> rollups.rollup(range, RunKind.ROLLUP, listener));
  }

  private void backfill(RoutingContext ctx) {
    QueryParams.of(ctx);
    JsonObject body = JsonBody.object(ctx, Set.of("days"));
    int days = JsonBody.requiredInt(body, "days", 1, StartRollup.MAX_BACKFILL_DAYS);
    start(ctx, RunKind.BACKFILL, listener -> rollups.backfill(days, listener));
  }

  private void recent(RoutingContext ctx) {
    int limit = QueryParams.read(ctx).intOrDefault("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    calls.respond(ctx, 200, () -> runs.recent(limit), list -> StatsJson.array(list, RunJson::run));
  }

  private void byId(RoutingContext ctx) {
    String raw = ctx.pathParam("id");
    // at most 18 digits: always a valid long
    if (raw == null || !raw.matches("[0-9]{1,18}") || Long.parseLong(raw) < 1) {
      throw ApiError.badRequest("run id must be a positive whole number, got " + Text.quote(raw));
    }
    long id = Long.parseLong(raw);
    calls.respond(ctx, 200, () -> runs.find(id), run -> RunJson.run(
        run.orElseThrow(() -> ApiError.notFound("no run " + id))));
  }

  /**
   * Starts a run in the background: answers 202 with its record once recorded, or the error that kept it
   * from being recorded. The run's end is counted in the metrics whoever is still listening.
   */
  private void start(RoutingContext ctx, RunKind kind,
      Function<ProgressListener, CompletionStage<RollupResult>> launch) {
    CompletableFuture<RunRecord> recorded = new CompletableFuture<>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void onBatch(BatchProgress batch) {}

      @Override
      public void onStart(RunRecord run) {
        recorded.complete(run);
      }
    };
    long startNanos = System.nanoTime();
    CompletionStage<RollupResult> whole;
    try {
      whole = launch.apply(listener);
    } catch (RuntimeException e) {
      whole = CompletableFuture.failedFuture(e);
    }
    whole.whenComplete((result, error) -> {
      long millis = (System.nanoTime() - startNanos) / 1_000_000;
      if (error == null) {
        metrics.recordRun(kind.wireName(), "succeeded", millis);
        recorded.complete(result.run()); // no-op: onStart came first
      } else if (recorded.isDone()) {
        metrics.recordRun(kind.wireName(), "failed", millis);
        Throwable cause = Failures.unwrap(error);
        LOG.log(Level.WARNING, kind.wireName() + " run started over HTTP failed: "
            + cause.getClass().getSimpleName() + ": " + Failures.oneLine(cause.getMessage(), ""));
      } else {
        recorded.completeExceptionally(error);
      }
    });
    calls.respond(ctx, 202, () -> recorded, run -> {
      ctx.response().putHeader("location", "/api/stats/runs/" + run.id());
      return RunJson.run(run);
    });
  }
}
