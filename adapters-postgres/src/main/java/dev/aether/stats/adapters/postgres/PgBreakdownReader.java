package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.model.Breakdown;
import dev.aether.stats.domain.model.BreakdownFigures;
import dev.aether.stats.domain.model.BreakdownRow;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.port.BreakdownReader;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The breakdown tables (stats_daily_provider, stats_daily_api_key, stats_daily_model_provider,
 * stats_user_daily), or the same figures from usage. Every query selects the key as k, the second key as
 * k2 and the name as name. Names are the gateway's current ones (a stored key name when the key is gone).
 */
final class PgBreakdownReader implements BreakdownReader {
  private static final String WHERE_STORED = " WHERE s.date >= $1 AND s.date < $2";
  private static final Map<Breakdown, String> STORED = new EnumMap<>(Map.of(
      Breakdown.PROVIDER, "SELECT s.*, s.provider AS k, NULL::text AS k2, NULL::text AS name"
          + " FROM stats_daily_provider s" + WHERE_STORED,
      Breakdown.API_KEY, "SELECT s.*, s.api_key_id AS k, NULL::text AS k2, coalesce(a.name, s.api_key_name) AS name"
          + " FROM stats_daily_api_key s LEFT JOIN api_keys a ON a.id = s.api_key_id" + WHERE_STORED,
      Breakdown.MODEL_PROVIDER, "SELECT s.*, s.model AS k, s.provider AS k2, NULL::text AS name"
          + " FROM stats_daily_model_provider s" + WHERE_STORED,
      Breakdown.USER, "SELECT s.*, s.user_id AS k, NULL::text AS k2, us.username AS name"
          + " FROM stats_user_daily s LEFT JOIN users us ON us.id = s.user_id" + WHERE_STORED));

  private static final String FIGURES = UsageFigures.SELECT_LIST + ",\n  " + UsageFigures.BREAKDOWN_LIST;
  private static final Map<Breakdown, String> LIVE = new EnumMap<>(Map.of(
      Breakdown.PROVIDER, live("u.provider AS k, NULL::text AS k2, NULL::text AS name", "", "", "u.provider"),
      Breakdown.API_KEY, live("u.api_key_id AS k, NULL::text AS k2, min(a.name) AS name",
          " LEFT JOIN api_keys a ON a.id = u.api_key_id", "u.api_key_id IS NOT NULL", "u.api_key_id"),
      Breakdown.MODEL_PROVIDER, live("u.model AS k, u.provider AS k2, NULL::text AS name", "", "",
          "u.model, u.provider"),
      Breakdown.USER, live("u.user_id AS k, NULL::text AS k2, min(us.username) AS name",
          " LEFT JOIN users us ON us.id = u.user_id", "u.user_id IS NOT NULL", "u.user_id")));

  private static final List<String> COUNTS = List.of("total_requests", "error_requests", "input_tokens",
      "output_tokens", "cache_creation_tokens", "cache_read_tokens");
  private static final List<String> BREAKDOWN_COUNTS = List.of("client_errors", "service_errors",
      "response_time_sum_ms", "response_time_count", "first_byte_sum_ms", "first_byte_count",
      "speed_output_tokens", "speed_generation_ms", "cache_hit_requests");
  private static final List<String> CLASS_COUNTS = List.of("requests_2xx", "requests_3xx", "requests_4xx",
      "requests_5xx", "requests_no_status", "errors_2xx", "errors_3xx", "errors_no_status");
  private static final List<String> COSTS = List.of("total_cost", "actual_total_cost", "input_cost",
      "output_cost", "cache_creation_cost", "cache_read_cost");

  /**
   * The stored days $1 (their starts) summed per key in the database. Costs are summed as integers of
   * 1e-9 USD, as they were materialized (a stored cost is the double nearest to such a sum, so
   * round(cost * 1e9) gives it back exactly below about 2 million USD per day and key); the sum is exact
   * and does not depend on the order of the days. Names are joined once per key, not once per day.
   */
  private static final Map<Breakdown, String> STORED_SUMS = new EnumMap<>(Map.of(
      Breakdown.PROVIDER, sums("stats_daily_provider", "s.provider", "NULL::text", "",
          concat(COUNTS, BREAKDOWN_COUNTS, CLASS_COUNTS), COSTS, "NULL::text", ""),
      Breakdown.API_KEY, sums("stats_daily_api_key", "s.api_key_id", "NULL::text",
          ",\n    (array_agg(s.api_key_name ORDER BY s.date DESC) FILTER (WHERE s.api_key_name IS NOT NULL))[1]"
              + " AS stored_name",
          concat(COUNTS, BREAKDOWN_COUNTS), COSTS, "coalesce(a.name, t.stored_name)",
          " LEFT JOIN api_keys a ON a.id = t.k"),
      Breakdown.MODEL_PROVIDER, sums("stats_daily_model_provider", "s.model", "s.provider", "",
          concat(COUNTS, BREAKDOWN_COUNTS), COSTS, "NULL::text", ""),
      Breakdown.USER, sums("stats_user_daily", "s.user_id", "NULL::text", "", COUNTS, List.of("total_cost"),
          "us.username", " LEFT JOIN users us ON us.id = t.k")));

  private static String sums(String table, String key, String key2, String extra, List<String> counts,
      List<String> costs, String name, String join) {
    StringBuilder select = new StringBuilder(key + " AS k, " + key2 + " AS k2, max(s.date) AS date");
    counts.forEach(c -> select.append(",\n    sum(s.").append(c).append(")::int8 AS ").append(c));
    costs.forEach(c -> select.append(",\n    sum(round(s.").append(c).append(" * 1e9::float8)::int8) * 0.000000001 AS ")
        .append(c));
    String groupBy = key2.startsWith("s.") ? key + ", " + key2 : key;
    return "SELECT t.*, " + name + " AS name\nFROM (\n  SELECT " + select + extra + "\n  FROM " + table
        + " s\n  WHERE s.date = ANY($1::timestamptz[])\n  GROUP BY " + groupBy + ") t" + join;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> out = new ArrayList<>();
    for (List<String> l : lists) {
      out.addAll(l);
    }
    return out;
  }

  private static String live(String keys, String join, String filter, String groupBy) {
    return DayRows.perBucket(keys + ",\n  " + FIGURES, "usage u" + join, filter, groupBy);
  }

  private final Pool pool;

  PgBreakdownReader(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<List<BreakdownRow>> stored(Breakdown breakdown, DayBounds days) {
    return pool.preparedQuery(STORED.get(breakdown))
        .execute(Tuple.of(Sql.ts(days.start()), Sql.ts(days.end())))
        .map(rows -> {
          List<BreakdownRow> out = new ArrayList<>();
          for (Row r : rows) {
            int i = DayRows.storedIndex(r, days);
            if (i >= 0) {
              out.add(row(breakdown, r, days, i, Source.MATERIALIZED));
            }
          }
          return out;
        })
        .toCompletionStage();
  }

  @Override
  public CompletionStage<List<BreakdownRow>> storedSums(Breakdown breakdown, DayBounds days, Set<LocalDate> only) {
    OffsetDateTime[] starts = only.stream().sorted()
        .map(d -> Sql.ts(days.startOf((int) ChronoUnit.DAYS.between(days.range().first(), d))))
        .toArray(OffsetDateTime[]::new);
    return pool.preparedQuery(STORED_SUMS.get(breakdown))
        .execute(Tuple.tuple().addArrayOfOffsetDateTime(starts))
        .map(rows -> {
          List<BreakdownRow> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(row(breakdown, r, days, DayRows.storedIndex(r, days), Source.MATERIALIZED));
          }
          return out;
        })
        .toCompletionStage();
  }

  @Override
  public CompletionStage<List<BreakdownRow>> live(Breakdown breakdown, DayBounds days) {
    return pool.preparedQuery(LIVE.get(breakdown))
        .execute(Tuple.tuple().addArrayOfOffsetDateTime(Sql.bounds(days)))
        .map(rows -> {
          List<BreakdownRow> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(row(breakdown, r, days, DayRows.liveIndex(r), Source.LIVE));
          }
          return out;
        })
        .toCompletionStage();
  }

  private static BreakdownRow row(Breakdown breakdown, Row r, DayBounds days, int i, Source source) {
    // stats_user_daily has none of the extra columns: they read as 0
    BreakdownFigures f = BreakdownRows.figures(r, breakdown == Breakdown.PROVIDER);
    return new BreakdownRow(days.day(i), r.getString("k"), r.getString("k2"), r.getString("name"), f, source);
  }
}
