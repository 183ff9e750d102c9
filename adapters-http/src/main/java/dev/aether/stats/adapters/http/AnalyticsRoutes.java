package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.model.UsageFilter;
import dev.aether.stats.domain.api.AnalyticsQuery;
import dev.aether.stats.domain.usecase.AnalyticsQueries;
import dev.aether.stats.domain.usecase.AnalyticsQueries.Granularity;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The analytics endpoints under /api/stats (issue 11): leaderboards, latency, errors, efficiency, series
 * and comparison. Ranges as for daily: from/to business days, both required, at most the configured days.
 */
final class AnalyticsRoutes {
  /** Longer filter values cannot match (ids are varchar(36), models and providers varchar(100)). */
  private static final int MAX_FILTER = 255;

  private final AnalyticsQuery queries;
  private final UseCaseCalls calls;
  private final int maxRangeDays;

  AnalyticsRoutes(AnalyticsQuery queries, UseCaseCalls calls, int maxRangeDays) {
    this.queries = queries;
    this.calls = calls;
    this.maxRangeDays = maxRangeDays;
  }

  void register(RouteTable routes) {
    routes.add(HttpMethod.GET, "/api/stats/leaderboard/:kind").handler(this::leaderboard);
    routes.add(HttpMethod.GET, "/api/stats/latency").handler(this::latency);
    routes.add(HttpMethod.GET, "/api/stats/errors").handler(this::errors);
    routes.add(HttpMethod.GET, "/api/stats/efficiency").handler(this::efficiency);
    routes.add(HttpMethod.GET, "/api/stats/series").handler(this::series);
    routes.add(HttpMethod.GET, "/api/stats/comparison").handler(this::comparison);
  }

  private void leaderboard(RoutingContext ctx) {
    String kind = ctx.pathParam("kind");
    AnalyticsQueries.Ranked ranked = Stream.of(AnalyticsQueries.Ranked.values())
        .filter(r -> wire(r).equals(kind)).findFirst()
        .orElseThrow(() -> ApiError.notFound("no leaderboard " + Text.quote(kind)
            + "; known: users, api-keys, models, providers"));
    QueryParams q = QueryParams.read(ctx);
    DayRange range = q.dayRange(maxRangeDays);
    AnalyticsQueries.RankMetric metric = choice(q, "metric", AnalyticsQueries.RankMetric.values(),
        AnalyticsQueries.RankMetric.REQUESTS);
    int limit = q.intOrDefault("limit", 1, 100, 10);
    int offset = q.intOrDefault("offset", 0, 1_000_000, 0);
    calls.respond(ctx, 200, () -> queries.leaderboard(ranked, range, metric, limit, offset),
        rows -> StatsJson.array(rows, AnalyticsJson::leaderboard));
  }

  private void latency(RoutingContext ctx) {
    QueryParams q = QueryParams.read(ctx);
    DayRange range = q.dayRange(maxRangeDays);
    var by = choice(q, "by", AnalyticsQueries.LatencyGrouping.values(), AnalyticsQueries.LatencyGrouping.ALL);
    calls.respond(ctx, 200, () -> queries.latency(by, range), rows -> StatsJson.array(rows, AnalyticsJson::latency));
  }

  private void errors(RoutingContext ctx) {
    QueryParams q = QueryParams.read(ctx);
    DayRange range = q.dayRange(maxRangeDays);
    var by = choice(q, "by", AnalyticsQueries.ErrorGrouping.values(), AnalyticsQueries.ErrorGrouping.STATUS_CLASS);
    calls.respond(ctx, 200, () -> queries.errors(by, range), rows -> StatsJson.array(rows, AnalyticsJson::errors));
  }

  private void efficiency(RoutingContext ctx) {
    QueryParams q = QueryParams.read(ctx);
    DayRange range = q.dayRange(maxRangeDays);
    var by = choice(q, "by", AnalyticsQueries.EfficiencyGrouping.values(), AnalyticsQueries.EfficiencyGrouping.MODEL);
    calls.respond(ctx, 200, () -> queries.efficiency(by, range),
        rows -> StatsJson.array(rows, AnalyticsJson::efficiency));
  }

  private void series(RoutingContext ctx) {
    QueryParams q = QueryParams.read(ctx);
    DayRange range = q.dayRange(maxRangeDays);
    Granularity granularity = choice(q, "granularity", Granularity.values(), Granularity.DAY);
    UsageFilter filter = new UsageFilter(filter(q, "user_id"), filter(q, "model"), filter(q, "provider"),
        filter(q, "api_key_id"));
    if (AnalyticsQuery.rangeIsCapped(granularity, filter) && range.size() > AnalyticsQuery.MAX_CAPPED_SERIES_DAYS) {
      throw ApiError.badRequest((granularity == Granularity.HOUR ? "granularity=hour covers"
          : "this combination of filters (no stored breakdown carries it) is read live from usage and covers")
          + " at most " + AnalyticsQuery.MAX_CAPPED_SERIES_DAYS
          + " days; the range " + range + " holds " + range.size());
    }
    calls.respond(ctx, 200, () -> queries.series(granularity, range, filter),
        rows -> StatsJson.array(rows, AnalyticsJson::series));
  }

  private void comparison(RoutingContext ctx) {
    QueryParams q = QueryParams.read(ctx);
    DayRange range = q.dayRange(maxRangeDays);
    var against = choice(q, "against", AnalyticsQueries.Against.values(), AnalyticsQueries.Against.PREVIOUS);
    calls.respond(ctx, 200, () -> queries.comparison(range, against), AnalyticsJson::comparison);
  }

  /** An optional filter value: non-empty, no control characters, at most {@value #MAX_FILTER} characters. */
  private static String filter(QueryParams q, String name) {
    Optional<String> v = q.optional(name);
    if (v.isEmpty()) {
      return null;
    }
    String s = v.get();
    if (s.isEmpty() || s.length() > MAX_FILTER || s.chars().anyMatch(Character::isISOControl)) {
      throw ApiError.badRequest(name + " must be 1 to " + MAX_FILTER + " characters without control characters");
    }
    return s;
  }

  /** An optional parameter naming one of {@code values} (wire names: lower case, '-' or '_' as in the API). */
  private static <E extends Enum<E>> E choice(QueryParams q, String name, E[] values, E defaultValue) {
    Optional<String> raw = q.optional(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    for (E v : values) {
      if (wire(v).replace('-', '_').equals(raw.get())) {
        return v;
      }
    }
    throw ApiError.badRequest(name + " must be one of "
        + Stream.of(values).map(v -> wire(v).replace('-', '_')).collect(Collectors.joining(", "))
        + ", got " + Text.quote(raw.get()));
  }

  private static String wire(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
