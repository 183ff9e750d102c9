package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.model.UserCounts;
import dev.aether.stats.domain.port.LoadUserCounts;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.concurrent.CompletionStage;

/** Counts users (soft-deleted ones excluded, as the summary does) and API keys, in one statement. */
final class PgLoadUserCounts implements LoadUserCounts {
  static final String SQL = """
      SELECT u.total_users, u.active_users, k.total_api_keys, k.active_api_keys
        FROM (SELECT count(*) FILTER (WHERE NOT is_deleted) AS total_users,
                     count(*) FILTER (WHERE is_active AND NOT is_deleted) AS active_users
                FROM users) u,
             (SELECT count(*) AS total_api_keys, count(*) FILTER (WHERE is_active) AS active_api_keys
                FROM api_keys) k""";

  private final Pool pool;

  PgLoadUserCounts(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<UserCounts> load() {
    return pool.query(SQL).execute()
        .map(rows -> {
          Row r = rows.iterator().next();
          return new UserCounts(r.getLong("total_users"), r.getLong("active_users"),
              r.getLong("total_api_keys"), r.getLong("active_api_keys"));
        })
        .toCompletionStage();
  }
}
