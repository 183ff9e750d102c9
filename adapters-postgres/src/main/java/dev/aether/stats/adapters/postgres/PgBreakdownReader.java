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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
