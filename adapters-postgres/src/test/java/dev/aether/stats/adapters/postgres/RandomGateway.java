package dev.aether.stats.adapters.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random gateway rows with every case the statistics must get right: all statuses, NULL status codes,
 * 3xx and several 4xx / 5xx codes, response times of 0-2 ms and beyond an hour, NULL and equal first-byte
 * times, rows without an API key and keys without a name,
 * with error messages, 200s with an error message, pending and streaming rows (NULL response time),
 * NULL users, inactive and soft-deleted users, NULL tokens and costs, requests whose attempts straddle
 * midnight, requests with skipped attempts, and whole days without a row. Plain JDBC: an independent path.
 */
final class RandomGateway {
  static final String[][] MODELS = {
      {"gpt-4o", "openai"}, {"gpt-4o-mini", "openai"}, {"claude-sonnet", "anthropic"},
      {"claude-haiku", "anthropic"}, {"gemini-pro", "google"}, {"gpt-4o", "azure"}};

  private static final String USAGE_INSERT = "INSERT INTO usage (id, user_id, api_key_id, request_id, provider,"
      + " model, input_tokens, output_tokens, cache_creation_input_tokens, cache_read_input_tokens,"
      + " input_cost_usd, output_cost_usd, cache_creation_cost_usd, cache_read_cost_usd, total_cost_usd,"
      + " actual_total_cost_usd, status_code, error_message, response_time_ms, status, created_at,"
      + " first_byte_time_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  private static final String ATTEMPT_INSERT = "INSERT INTO request_candidates (id, request_id, user_id,"
      + " candidate_index, retry_index, status, status_code, created_at) VALUES (?,?,?,?,?,?,?,?)";

  private final Random random;
  final List<String> users = new ArrayList<>();
  private int seq;

  RandomGateway(long seed) {
    random = new Random(seed);
  }

  void users(Connection c, int n) throws SQLException {
    try (PreparedStatement u = c.prepareStatement(
             "INSERT INTO users (id, email, username, password_hash, is_active, is_deleted) VALUES (?,?,?,?,?,?)");
         PreparedStatement k = c.prepareStatement(
             "INSERT INTO api_keys (id, user_id, key_hash, is_active, name) VALUES (?,?,?,?,?)")) {
      for (int i = 0; i < n; i++) {
        String id = "user-" + i;
        users.add(id);
        u.setString(1, id);
        u.setString(2, id + "@example.com");
        u.setString(3, id);
        u.setString(4, "hash");
        u.setBoolean(5, i % 5 != 1);      // some inactive
        u.setBoolean(6, i % 7 == 3);      // some soft-deleted
        u.addBatch();
        k.setString(1, "key-" + i);
        k.setString(2, id);
        k.setString(3, "keyhash-" + i);
        k.setBoolean(4, i % 4 != 2);
        k.setString(5, i % 3 == 0 ? null : "key of " + id); // some keys have no name
        k.addBatch();
      }
      u.executeBatch();
      k.executeBatch();
    }
  }

  /**
   * About {@code perDay} rows on each day from {@code first} to {@code last} (UTC dates, so every zone's
   * days get cut at different places), except days for which {@code emptyDay} says so.
   */
  void usage(Connection c, LocalDate first, LocalDate last, int perDay, java.util.function.Predicate<LocalDate> emptyDay)
      throws SQLException {
    try (PreparedStatement u = c.prepareStatement(USAGE_INSERT);
         PreparedStatement a = c.prepareStatement(ATTEMPT_INSERT)) {
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        if (emptyDay.test(d)) {
          continue;
        }
        long dayStart = d.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        int n = perDay / 2 + random.nextInt(perDay);
        for (int i = 0; i < n; i++) {
          // cluster some rows in the last minute of the UTC day: attempts then straddle midnight
          long second = random.nextInt(10) == 0 ? 86_340 + random.nextInt(60) : random.nextInt(86_400);
          Instant at = Instant.ofEpochSecond(dayStart + second, random.nextInt(1_000_000) * 1000L);
          addUsage(u, a, at);
        }
      }
      u.executeBatch();
      a.executeBatch();
    }
  }

  /** {@code n} rows created at random instants of [from, to), of the users already added. */
  void usageBetween(Connection c, Instant from, Instant to, int n) throws SQLException {
    try (PreparedStatement u = c.prepareStatement(USAGE_INSERT); PreparedStatement a = c.prepareStatement(ATTEMPT_INSERT)) {
      long micros = Duration.between(from, to).toNanos() / 1000;
      for (int i = 0; i < n; i++) {
        addUsage(u, a, from.plusNanos((long) (random.nextDouble() * micros) * 1000));
      }
      u.executeBatch();
      a.executeBatch();
    }
  }

  private void addUsage(PreparedStatement u, PreparedStatement a, Instant at) throws SQLException {
    String id = "use-" + (++seq);
    String requestId = "req-" + seq;
    String[] model = MODELS[random.nextInt(MODELS.length)];
    String user = random.nextInt(12) == 0 ? null : users.get(random.nextInt(users.size()));
    int kind = random.nextInt(100);
    // 0-59 completed 200, 60-69 failed 4xx/5xx, 70-74 NULL status code with an error message,
    // 75-79 a 200 with an error message, 80-87 pending, 88-91 streaming, 92-99 completed, NULL tokens/costs
    String status = kind < 60 || kind >= 92 ? "completed" : kind < 75 ? "failed" : kind < 80 ? "completed"
        : kind < 88 ? "pending" : "streaming";
    Integer code = null; // pending, streaming, and failures the gateway recorded without a status code
    if (kind < 60 || kind >= 92) {
      code = 200;
    } else if (kind >= 75 && kind < 80) {
      code = random.nextBoolean() ? 200 : 302; // an error message below 400: an "other" error
    } else if (kind < 70) {
      code = new int[] {400, 404, 429, 499, 500, 503, 504}[random.nextInt(7)];
    }
    String error = kind >= 60 && kind < 80 ? "upstream error " + kind : null;
    boolean nullFigures = kind >= 92;
    boolean unsettled = kind >= 80 && kind < 92;
    u.setString(1, id);
    u.setString(2, user);
    u.setString(3, user == null || random.nextInt(10) == 0 ? null : "key-" + user.substring(5));
    u.setString(4, requestId);
    u.setString(5, model[1]);
    u.setString(6, model[0]);
    for (int col = 7; col <= 10; col++) {
      if (nullFigures) {
        u.setNull(col, Types.INTEGER);
      } else {
        u.setInt(col, unsettled ? 0 : random.nextInt(50_000));
      }
    }
    for (int col = 11; col <= 16; col++) {
      if (nullFigures) {
        u.setNull(col, Types.DOUBLE);
      } else {
        // awkward binary fractions on purpose: the sums must not depend on the order of addition
        u.setDouble(col, unsettled ? 0.0 : random.nextDouble() * random.nextDouble() * 3.7);
      }
    }
    if (code == null) {
      u.setNull(17, Types.INTEGER);
    } else {
      u.setInt(17, code);
    }
    u.setString(18, error);
    Integer responseMs = unsettled || random.nextInt(30) == 0 ? null
        : random.nextInt(40) == 0 ? random.nextInt(3) // 0, 1, 2 ms: the lowest histogram buckets
        : random.nextInt(60) == 0 ? 3_600_000 + random.nextInt(100_000) // beyond an hour
        : 50 + random.nextInt(30_000);
    if (responseMs == null) {
      u.setNull(19, Types.INTEGER);
    } else {
      u.setInt(19, responseMs);
    }
    u.setString(20, status);
    u.setTimestamp(21, Timestamp.from(at));
    // first byte: NULL for some (non-streamed or unknown), at most the response time, sometimes equal to it
    if (responseMs == null || random.nextInt(4) == 0) {
      u.setNull(22, Types.INTEGER);
    } else {
      u.setInt(22, random.nextInt(10) == 0 ? responseMs : random.nextInt(responseMs + 1));
    }
    u.addBatch();

    // attempts: 1-4 executed (earlier ones failed), sometimes a skipped one, up to a minute apart
    int attempts = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(4));
    Instant t = at;
    for (int i = 0; i < attempts; i++) {
      addAttempt(a, requestId, user, i, 0, i == attempts - 1 ? "success" : "failed", t);
      t = t.plusSeconds(1 + random.nextInt(40));
    }
    if (random.nextInt(8) == 0) {
      addAttempt(a, requestId, user, attempts, 0, random.nextBoolean() ? "skipped" : "pending", t);
    }
  }

  private static void addAttempt(PreparedStatement a, String requestId, String user, int candidate, int retry,
      String status, Instant at) throws SQLException {
    a.setString(1, requestId + "-" + candidate + "-" + retry);
    a.setString(2, requestId);
    a.setString(3, user);
    a.setInt(4, candidate);
    a.setInt(5, retry);
    a.setString(6, status);
    if ("success".equals(status)) {
      a.setInt(7, 200);
    } else {
      a.setNull(7, Types.INTEGER);
    }
    a.setTimestamp(8, Timestamp.from(at));
    a.addBatch();
  }
}
