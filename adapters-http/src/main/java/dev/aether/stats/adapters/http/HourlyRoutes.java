package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.api.HourlyStatsQuery;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/** The hour reads under /api/stats/hourly: whole gateway and per model, one object per UTC hour. */
final class HourlyRoutes {
  private final HourlyStatsQuery queries;
  private final UseCaseCalls calls;

  HourlyRoutes(HourlyStatsQuery queries, UseCaseCalls calls) {
    this.queries = queries;
    this.calls = calls;
  }

  void register(RouteTable routes) {
    routes.add(HttpMethod.GET, "/api/stats/hourly").handler(this::hourly);
    routes.add(HttpMethod.GET, "/api/stats/hourly/models").handler(this::modelHourly);
  }

  private void hourly(RoutingContext ctx) {
    HourRange range = HourRanges.parse(QueryParams.of(ctx, "from", "to"), queries);
    calls.respond(ctx, 200, () -> queries.hourly(range), rows -> StatsJson.array(rows, HourlyJson::hourly));
  }

  private void modelHourly(RoutingContext ctx) {
    HourRange range = HourRanges.parse(QueryParams.of(ctx, "from", "to"), queries);
    calls.respond(ctx, 200, () -> queries.modelHourly(range), rows -> StatsJson.array(rows, HourlyJson::modelHourly));
  }
}
