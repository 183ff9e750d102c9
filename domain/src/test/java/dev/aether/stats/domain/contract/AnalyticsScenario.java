package dev.aether.stats.domain.contract;

import dev.aether.stats.domain.fakes.ApiKeyRow;
import dev.aether.stats.domain.fakes.GatewayData;
import dev.aether.stats.domain.fakes.UsageRow;
import dev.aether.stats.domain.fakes.UserRow;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Hand-made traffic for the analytics endpoints, "now" = 2026-03-15T12:00Z (UTC days); the expected
 * numbers of the analytics tests (the port contract, the HTTP endpoints) are worked out by hand from
 * this table.
 *
 * <pre>
 * id  day   user key model  provider  in  out cr  cost  status     code  message    rt    first byte
 * a1  03-13 u1   k1  gpt-4o openai    100 50  50  0.10  completed  200   -          1000  200
 * a2  03-13 u2   k2  claude anthropic 200 100 0   0.30  completed  200   -          2000  500
 * a3  03-13 u1   k1  gpt-4o openai    10  0   0   0.01  failed     429   -          50    -
 * a4  03-14 u2   k2  claude anthropic 300 250 0   0.50  completed  200   -          4000  1000
 * a5  03-14 u1   -   gpt-4o azure     0   0   0   0     failed     503   -          100   -
 * a6  03-14 u1   k1  gpt-4o openai    0   0   0   0     failed     -     reset      -     -
 * a7  03-15 u1   k1  gpt-4o openai    50  30  0   0.05  completed  200   -          500   100
 * a8  03-15 u2   k2  claude anthropic 10  5   0   0.01  completed  200   truncated  300   300
 * </pre>
 * Keys are named "key k1", "key k2"; usernames are the ids.
 */
public final class AnalyticsScenario {
  private AnalyticsScenario() {}

  public static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

  /** UTC business days, now = {@link #NOW}. */
  public static BusinessCalendar calendar() {
    return new BusinessCalendar(ZoneId.of("UTC"), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  public static void seed(GatewayData g) {
    g.addUser(UserRow.active("u1"));
    g.addUser(UserRow.active("u2"));
    g.addApiKey(new ApiKeyRow("k1", "u1", true));
    g.addApiKey(new ApiKeyRow("k2", "u2", true));
    g.addUsage(row("a1", "u1", "k1", "gpt-4o", "openai", "2026-03-13T01:00:00Z", 100, 50, 50, "0.10")
        .withResponseTime(1000).withFirstByteTime(200));
    g.addUsage(row("a2", "u2", "k2", "claude", "anthropic", "2026-03-13T02:00:00Z", 200, 100, 0, "0.30")
        .withResponseTime(2000).withFirstByteTime(500));
    g.addUsage(row("a3", "u1", "k1", "gpt-4o", "openai", "2026-03-13T03:00:00Z", 10, 0, 0, "0.01")
        .withStatus("failed", 429).withResponseTime(50));
    g.addUsage(row("a4", "u2", "k2", "claude", "anthropic", "2026-03-14T04:00:00Z", 300, 250, 0, "0.50")
        .withResponseTime(4000).withFirstByteTime(1000));
    g.addUsage(row("a5", "u1", null, "gpt-4o", "azure", "2026-03-14T05:00:00Z", 0, 0, 0, "0")
        .withStatus("failed", 503).withResponseTime(100));
    g.addUsage(row("a6", "u1", "k1", "gpt-4o", "openai", "2026-03-14T06:00:00Z", 0, 0, 0, "0")
        .withStatus("failed", null).withError("reset"));
    g.addUsage(row("a7", "u1", "k1", "gpt-4o", "openai", "2026-03-15T07:00:00Z", 50, 30, 0, "0.05")
        .withResponseTime(500).withFirstByteTime(100));
    g.addUsage(row("a8", "u2", "k2", "claude", "anthropic", "2026-03-15T10:30:00Z", 10, 5, 0, "0.01")
        .withError("truncated").withResponseTime(300).withFirstByteTime(300));
  }

  private static UsageRow row(String id, String user, String key, String model, String provider, String at,
      int in, int out, int cacheRead, String cost) {
    return UsageRow.of(id, user, model, provider, at(at)).withUser(user, key).withTokens(in, out, 0, cacheRead)
        .withCost(cost, cost);
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }
}
