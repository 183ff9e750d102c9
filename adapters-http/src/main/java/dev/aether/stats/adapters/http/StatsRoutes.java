package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.api.StatsQuery;
import dev.aether.stats.domain.model.CombinedStats;
import dev.aether.stats.domain.model.DailyStats;
import dev.aether.stats.domain.model.TodayStats;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import io.vertx.ext.web.RoutingContext;

/** The read endpoints under /api/stats: all-time, today, the summary, and day ranges. */
final class StatsRoutes {
  /** Longer ids cannot exist (users.id is varchar(36)); such a path is answered without a query. */
  private static final int MAX_USER_ID = 255;

  private final StatsQuery queries;
  private final BusinessCalendar calendar;
  private final UseCaseCalls calls;
  private final int maxRangeDays;
  private final SharedRendering<CombinedStats> combinedViews = new SharedRendering<>(StatsJson::combined);
  private final SharedRendering<TodayStats> todayViews = new SharedRendering<>(StatsJson::today);
  private final SharedRendering<List<DailyStats>> dailyViews =
      new SharedRendering<>(days -> StatsJson.array(days, StatsJson::daily));

  StatsRoutes(StatsQuery queries, BusinessCalendar calendar, UseCaseCalls calls, int maxRangeDays) {
    this.queries = queries;
    this.calendar = calendar;
    this.calls = calls;
    this.maxRangeDays = maxRangeDays;
  }

  void register(RouteTable routes) {
    routes.add(HttpMethod.GET, "/api/stats/combined").handler(this::combined);
    routes.add(HttpMethod.GET, "/api/stats/today").handler(this::today);
    routes.add(HttpMethod.GET, "/api/stats/summary").handler(this::summary);
    routes.add(HttpMethod.GET, "/api/stats/daily").handler(this::daily);
    routes.add(HttpMethod.GET, "/api/stats/daily/models").handler(this::modelDaily);
    routes.add(HttpMethod.GET, "/api/stats/users/:user_id/daily").handler(this::userDaily);
  }

  private void combined(RoutingContext ctx) {
    calls.respond(ctx, 200, queries::combined, combinedViews::render);
  }

  private void today(RoutingContext ctx) {
    calls.respond(ctx, 200, queries::today, todayViews::render);
  }

  private void summary(RoutingContext ctx) {
    calls.respond(ctx, 200, queries::summary, summary -> StatsJson.summary(summary.orElseThrow(() ->
        ApiError.notFound("no summary has been stored yet; it is written by the first rollup or backfill")),
        calendar));
  }

  private void daily(RoutingContext ctx) {
    DayRange range = QueryParams.read(ctx).dayRange(maxRangeDays);
    calls.respond(ctx, 200, () -> queries.daily(range), dailyViews::render);
  }

  private void modelDaily(RoutingContext ctx) {
    DayRange range = QueryParams.read(ctx).dayRange(maxRangeDays);
    calls.respond(ctx, 200, () -> queries.modelDaily(range), rows -> StatsJson.array(rows, StatsJson::modelDaily));
  }

  private void userDaily(RoutingContext ctx) {
    String userId = ctx.pathParam("user_id");
    if (userId == null || userId.isEmpty() || userId.chars().anyMatch(Character::isISOControl)) {
      throw ApiError.badRequest("user_id must be a non-empty id without control characters");
    }
    DayRange range = QueryParams.read(ctx).dayRange(maxRangeDays);
    if (userId.length() > MAX_USER_ID) {
      throw ApiError.notFound("no user " + Text.quote(userId));
    }
    calls.respond(ctx, 200, () -> queries.userDaily(userId, range), rows -> StatsJson.array(
        rows.orElseThrow(() -> ApiError.notFound("no user " + Text.quote(userId))), StatsJson::userDaily));
  }
}
