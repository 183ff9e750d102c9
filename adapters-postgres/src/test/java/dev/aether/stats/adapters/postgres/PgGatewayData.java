package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.fakes.ApiKeyRow;
import dev.aether.stats.domain.fakes.CandidateRow;
import dev.aether.stats.domain.fakes.GatewayData;
import dev.aether.stats.domain.fakes.UsageRow;
import dev.aether.stats.domain.fakes.UserRow;
import dev.aether.stats.testsupport.FreshDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/** The contract tests' data writer over the real gateway tables (plain JDBC, as the gateway writes them). */
final class PgGatewayData implements GatewayData {
  private static final String USAGE_COLUMNS = "user_id, api_key_id, request_id, provider, model, input_tokens,"
      + " output_tokens, cache_creation_input_tokens, cache_read_input_tokens, input_cost_usd, output_cost_usd,"
      + " cache_creation_cost_usd, cache_read_cost_usd, total_cost_usd, actual_total_cost_usd, status_code,"
      + " error_message, response_time_ms, status, created_at, first_byte_time_ms";

  private final FreshDatabase db;

  PgGatewayData(FreshDatabase db) {
    this.db = db;
  }

  /** Empties every table the service reads or writes. */
  void truncateAll() {
    run(c -> {
      try (var st = c.createStatement()) {
        st.execute("TRUNCATE usage, request_candidates, api_keys, users, stats_daily, stats_user_daily,"
            + " stats_daily_model, stats_summary, stats_rollup_runs, stats_hourly, stats_hourly_model,"
            + " stats_hourly_provider, stats_daily_provider, stats_daily_api_key, stats_daily_model_provider,"
            + " stats_daily_latency_histogram CASCADE");
      }
      return 0;
    });
  }

  @Override
  public void addUser(UserRow u) {
    update("INSERT INTO users (id, email, username, password_hash, is_active, is_deleted) VALUES (?,?,?,'h',?,?)",
        u.id(), u.id() + "@example.com", u.id(), u.active(), u.deleted());
  }

  @Override
  public void updateUser(UserRow u) {
    update("UPDATE users SET is_active = ?, is_deleted = ? WHERE id = ?", u.active(), u.deleted(), u.id());
  }

  @Override
  public void addApiKey(ApiKeyRow k) {
    update("INSERT INTO api_keys (id, user_id, key_hash, is_active, name) VALUES (?,?,?,?,?)", k.id(), k.userId(),
        "hash-" + k.id(), k.active(), k.name());
  }

  @Override
  public void updateApiKey(ApiKeyRow k) {
    update("UPDATE api_keys SET is_active = ? WHERE id = ?", k.active(), k.id());
  }

  @Override
  public void addUsage(UsageRow r) {
    update("INSERT INTO usage (id, " + USAGE_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        usageValues(r.id(), r));
  }

  @Override
  public void updateUsage(UsageRow r) {
    Object[] values = usageValues(null, r);
    Object[] shifted = new Object[values.length];
    System.arraycopy(values, 1, shifted, 0, values.length - 1);
    shifted[values.length - 1] = r.id();
    int n = update("UPDATE usage SET (" + USAGE_COLUMNS + ") = (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) WHERE id = ?",
        shifted);
    if (n != 1) {
      throw new IllegalArgumentException("no usage row " + r.id());
    }
  }

  @Override
  public void deleteUsage(String id) {
    if (update("DELETE FROM usage WHERE id = ?", id) != 1) {
      throw new IllegalArgumentException("no usage row " + id);
    }
  }

  @Override
  public int deleteUsageBefore(Instant instant) {
    return update("DELETE FROM usage WHERE created_at < ?", Timestamp.from(instant));
  }

  @Override
  public void addCandidate(CandidateRow c) {
    update("INSERT INTO request_candidates (id, request_id, candidate_index, retry_index, status, created_at)"
        + " VALUES (?,?,?,?,?,?)", c.id(), c.requestId(), c.candidateIndex(), c.retryIndex(), c.status(),
        Timestamp.from(c.createdAt()));
  }

  private static Object[] usageValues(String id, UsageRow r) {
    return new Object[] {id, r.userId(), r.apiKeyId(), r.requestId(), r.provider(), r.model(), r.inputTokens(),
        r.outputTokens(), r.cacheCreationInputTokens(), r.cacheReadInputTokens(), dbl(r.inputCostUsd()),
        dbl(r.outputCostUsd()), dbl(r.cacheCreationCostUsd()), dbl(r.cacheReadCostUsd()), dbl(r.totalCostUsd()),
        dbl(r.actualTotalCostUsd()), r.statusCode(), r.errorMessage(), r.responseTimeMs(), r.status(),
        Timestamp.from(r.createdAt()), r.firstByteTimeMs()};
  }

  /** The gateway stores costs as double precision; NULL stays NULL. */
  private static Double dbl(BigDecimal d) {
    return d == null ? null : d.doubleValue();
  }

  private int update(String sql, Object... values) {
    return run(c -> {
      try (PreparedStatement st = c.prepareStatement(sql)) {
        for (int i = 0; i < values.length; i++) {
          Object v = values[i];
          if (v == null) {
            st.setNull(i + 1, Types.NULL);
          } else {
            st.setObject(i + 1, v);
          }
        }
        return st.executeUpdate();
      }
    });
  }

  private interface Work {
    int apply(Connection c) throws SQLException;
  }

  private int run(Work work) {
    try (Connection c = db.connect()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
