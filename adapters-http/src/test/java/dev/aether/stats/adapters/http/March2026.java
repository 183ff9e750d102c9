package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.fakes.ApiKeyRow;
import dev.aether.stats.domain.fakes.CandidateRow;
import dev.aether.stats.domain.fakes.GatewayData;
import dev.aether.stats.domain.fakes.UsageRow;
import dev.aether.stats.domain.fakes.UserRow;
import java.time.Instant;

/**
 * Hand-made gateway traffic around "now" = 2026-03-15T12:00Z (UTC days). The expected figures in the
 * tests are summed by hand from these rows (written out next to each assertion), not read from the code.
 *
 * <pre>
 * users: u1 active, u2 inactive, u3 active but soft-deleted  -> total_users 2, active_users 1
 * keys:  k1 (u1, active), k2 (u1, inactive), k3 (u2, active) -> total_api_keys 3, active_api_keys 2
 *
 * id  day    user model    provider   in   out  cc  cr  total actual  in$   out$  cc$   cr$   status      rt
 * r1  03-13  u1   gpt-4o   openai     100  50   10  5   0.10  0.08    0.06  0.03  0.005 0.005 200         200
 * r2  03-13  u2   claude-3 anthropic  200  100  0   20  0.25  0.20    0.15  0.08  0     0.02  500 (error) 400
 * r3  03-13  u1   gpt-4o   azure      10   5    0   0   0.01  0.01    0.006 0.004 0     0     200+message  -
 * r4  03-14  u1   gpt-4o   openai     1000 500  0   0   1.5   1.2     1.0   0.5   0     0     200         1000
 * r5  03-15  u2   claude-3 anthropic  300  0    0   0   0.3   0.3     0.3   0     0     0     pending      -
 * r6  03-15  u1   gpt-4o   openai     20   10   0   0   0.02  0.02    0.01  0.01  0     0     200         100
 *
 * candidates: req-r2 failed then success (a fallback on 03-13); req-r1 skipped then success (not one).
 * </pre>
 */
final class March2026 {
  private March2026() {}

  static void seed(GatewayData g) {
    g.addUser(UserRow.active("u1"));
    g.addUser(new UserRow("u2", false, false));
    g.addUser(new UserRow("u3", true, true));
    g.addApiKey(new ApiKeyRow("k1", "u1", true));
    g.addApiKey(new ApiKeyRow("k2", "u1", false));
    g.addApiKey(new ApiKeyRow("k3", "u2", true));

    g.addUsage(UsageRow.of("r1", "u1", "gpt-4o", "openai", at("2026-03-13T01:00:00Z"))
        .withUser("u1", "k1").withTokens(100, 50, 10, 5)
        .withCosts("0.10", "0.08", "0.06", "0.03", "0.005", "0.005").withResponseTime(200));
    g.addUsage(UsageRow.of("r2", "u2", "claude-3", "anthropic", at("2026-03-13T10:00:00Z"))
        .withUser("u2", "k3").withTokens(200, 100, 0, 20)
        .withCosts("0.25", "0.20", "0.15", "0.08", "0", "0.02").withStatus("failed", 500).withResponseTime(400));
    g.addUsage(UsageRow.of("r3", "u1", "gpt-4o", "azure", at("2026-03-13T23:59:59Z"))
        .withTokens(10, 5, 0, 0).withCosts("0.01", "0.01", "0.006", "0.004", "0", "0")
        .withError("upstream reset"));
    g.addUsage(UsageRow.of("r4", "u1", "gpt-4o", "openai", at("2026-03-14T08:00:00Z"))
        .withTokens(1000, 500, 0, 0).withCosts("1.5", "1.2", "1.0", "0.5", "0", "0").withResponseTime(1000));
    g.addUsage(UsageRow.pending("r5", "u2", "claude-3", "anthropic", at("2026-03-15T09:00:00Z"))
        .withTokens(300, 0, 0, 0).withCosts("0.3", "0.3", "0.3", "0", "0", "0"));
    g.addUsage(UsageRow.of("r6", "u1", "gpt-4o", "openai", at("2026-03-15T11:00:00Z"))
        .withTokens(20, 10, 0, 0).withCosts("0.02", "0.02", "0.01", "0.01", "0", "0").withResponseTime(100));

    g.addCandidate(new CandidateRow("c1", "req-r2", 0, 0, "failed", at("2026-03-13T10:00:00Z")));
    g.addCandidate(new CandidateRow("c2", "req-r2", 1, 0, "success", at("2026-03-13T10:00:01Z")));
    g.addCandidate(new CandidateRow("c3", "req-r1", 0, 0, "skipped", at("2026-03-13T01:00:00Z")));
    g.addCandidate(new CandidateRow("c4", "req-r1", 1, 0, "success", at("2026-03-13T01:00:01Z")));
  }

  static Instant at(String iso) {
    return Instant.parse(iso);
  }
}
