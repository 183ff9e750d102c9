package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.model.Totals;
import dev.aether.stats.domain.model.UserDailyStats;
import dev.aether.stats.domain.port.UserDailyStatsReader;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** One user's stats_user_daily rows, or the same figures from usage (idx_usage_user_created). */
final class PgUserDailyStatsReader implements UserDailyStatsReader {
  private static final String STORED = "SELECT * FROM stats_user_daily"
      + " WHERE user_id = $1 AND date >= $2 AND date < $3 ORDER BY date";
  private static final String LIVE = "SELECT " + DayRows.BUCKET + " AS i, " + UsageFigures.SELECT_LIST
      + "\nFROM usage u WHERE u.user_id = $2 AND " + DayRows.RANGE + "\nGROUP BY 1 ORDER BY 1";

  private final Pool pool;

  PgUserDailyStatsReader(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<Boolean> userExists(String userId) {
    return pool.preparedQuery("SELECT 1 FROM users WHERE id = $1").execute(Tuple.of(userId))
        .map(rows -> rows.size() > 0)
        .toCompletionStage();
  }

  @Override
  public CompletionStage<List<UserDailyStats>> stored(String userId, DayBounds days) {
    return pool.preparedQuery(STORED).execute(Tuple.of(userId, Sql.ts(days.start()), Sql.ts(days.end())))
        .map(rows -> {
          List<UserDailyStats> out = new ArrayList<>();
          for (Row r : rows) {
            int i = DayRows.storedIndex(r, days);
            if (i >= 0) {
              out.add(new UserDailyStats(days.day(i), days.startOf(i), userId, userFigures(r), Source.MATERIALIZED));
            }
          }
          return out;
        })
        .toCompletionStage();
  }

  @Override
  public CompletionStage<List<UserDailyStats>> live(String userId, DayBounds days) {
    return pool.preparedQuery(LIVE)
        .execute(Tuple.tuple().addArrayOfOffsetDateTime(Sql.bounds(days)).addString(userId))
        .map(rows -> {
          List<UserDailyStats> out = new ArrayList<>();
          for (Row r : rows) {
            int i = DayRows.liveIndex(r);
            out.add(new UserDailyStats(days.day(i), days.startOf(i), userId, userFigures(r), Source.LIVE));
          }
          return out;
        })
        .toCompletionStage();
  }

  /** stats_user_daily keeps requests, errors, tokens and total cost only; the rest is zero either way. */
  private static Totals userFigures(Row r) {
    Totals t = Sql.totals(r);
    return new Totals(t.totalRequests(), t.errorRequests(), t.inputTokens(), t.outputTokens(),
        t.cacheCreationTokens(), t.cacheReadTokens(), t.totalCost(), BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
  }
}
