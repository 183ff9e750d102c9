package dev.aether.stats.domain.contract;

import static dev.aether.stats.domain.contract.March2026.D17;
import static dev.aether.stats.domain.contract.March2026.D18;
import static dev.aether.stats.domain.contract.March2026.D19;
import static dev.aether.stats.domain.contract.March2026.D20;

import dev.aether.stats.domain.fakes.ApiKeyRow;
import dev.aether.stats.domain.fakes.GatewayData;
import dev.aether.stats.domain.fakes.UsageRow;
import dev.aether.stats.domain.fakes.UserRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The contract's hand-built traffic (times in Shanghai local time in the comments), and the figures each
 * day must have, added up by hand from these rows.
 *
 * <pre>
 * row  user  model   provider  local time             status                tokens in/out/cc/cr  cost total/actual  rt
 * r5   u2    model-c prov-3    03-17 23:59:59         200                   2/2/0/0              0.02/0.02          200
 * r1   u1/k1 model-a prov-1    03-18 00:00:00 (first) 200                   100/50/10/5          0.50/0.60 (*)      1000
 * r2   u1    model-b prov-2    03-18 11:00            500                   10/0/0/0             0.10/0.10 (**)     3000
 * r6   u2    model-a prov-1    03-18 13:00            pending, no code      0 (defaults)         0                  NULL
 * r3   NULL  model-a prov-1    03-18 23:59:59.999     200 + error message   NULL x4              NULL x6            NULL
 * r4   u2    model-c prov-3    03-19 00:00:00         200                   1/1/0/0              0.01/0.01          400
 * r7   u1    model-a prov-1    03-20 09:00 (today)    streaming, no code    7/0/0/0              0.07/0.07          NULL
 * (*) input 0.20, output 0.25, cache creation 0.03, cache read 0.02   (**) input 0.10
 * </pre>
 */
public final class Scenario {
  private Scenario() {}

  public static final UsageRow R5 = UsageRow.of("r5", "u2", "model-c", "prov-3", Instant.parse("2026-03-17T15:59:59Z"))
      .withTokens(2, 2, 0, 0).withCost("0.02", "0.02").withResponseTime(200);
  public static final UsageRow R1 = UsageRow.of("r1", "u1", "model-a", "prov-1", Instant.parse("2026-03-17T16:00:00Z"))
      .withUser("u1", "k1").withTokens(100, 50, 10, 5)
      .withCosts("0.50", "0.60", "0.20", "0.25", "0.03", "0.02").withResponseTime(1000);
  public static final UsageRow R2 = UsageRow.of("r2", "u1", "model-b", "prov-2", Instant.parse("2026-03-18T03:00:00Z"))
      .withStatus("failed", 500).withTokens(10, 0, 0, 0)
      .withCosts("0.10", "0.10", "0.10", "0", "0", "0").withResponseTime(3000);
  public static final UsageRow R6 =
      UsageRow.pending("r6", "u2", "model-a", "prov-1", Instant.parse("2026-03-18T05:00:00Z"));
  public static final UsageRow R3 = UsageRow.of("r3", null, "model-a", "prov-1", Instant.parse("2026-03-18T15:59:59.999Z"))
      .withError("stream cut").withTokens(null, null, null, null)
      .withCosts(null, null, null, null, null, null);
  public static final UsageRow R4 = UsageRow.of("r4", "u2", "model-c", "prov-3", Instant.parse("2026-03-18T16:00:00Z"))
      .withTokens(1, 1, 0, 0).withCost("0.01", "0.01").withResponseTime(400);
  public static final UsageRow R7 = UsageRow.of("r7", "u1", "model-a", "prov-1", Instant.parse("2026-03-20T01:00:00Z"))
      .withStatus("streaming", null).withTokens(7, 0, 0, 0).withCost("0.07", "0.07");

  /** Users u1 and u2 (active), key k1 of u1 (active), and the seven rows. */
  public static void load(GatewayData data) {
    data.addUser(UserRow.active("u1"));
    data.addUser(UserRow.active("u2"));
    data.addApiKey(new ApiKeyRow("k1", "u1", true));
    data.addUsage(R5, R1, R2, R6, R3, R4, R7);
  }

  // ----- whole days -----

  /** r5. */
  public static final Figures DAY_17 = Figures.requests(1, 0).tokens(2, 2, 0, 0).cost("0.02", "0.02")
      .avgResponseTime(200);
  /**
   * r1, r2, r6, r3: errors r2 (500) and r3 (error message; the pending r6 is no error); response times of
   * r1 and r2 only: (1000 + 3000) / 2.
   */
  public static final Figures DAY_18 = Figures.requests(4, 2).tokens(110, 50, 10, 5).cost("0.60", "0.70")
      .costParts("0.30", "0.25", "0.03", "0.02").avgResponseTime(2000);
  /** r4. */
  public static final Figures DAY_19 = Figures.requests(1, 0).tokens(1, 1, 0, 0).cost("0.01", "0.01")
      .avgResponseTime(400);
  /** r7 (no response time yet). */
  public static final Figures DAY_20 = Figures.requests(1, 0).tokens(7, 0, 0, 0).cost("0.07", "0.07");
  /**
   * All seven rows: 1 + 4 + 1 + 1 requests; response times 200, 1000, 3000, 400 average 1150; unsettled
   * r6 and r7.
   */
  public static final Figures ALL_ROWS = Figures.requests(7, 2).tokens(120, 53, 10, 5).cost("0.70", "0.80")
      .costParts("0.30", "0.25", "0.03", "0.02").avgResponseTime(1150);

  /** Distinct models and providers per day: 03-18 has model-a/b and prov-1/2. */
  public static final Map<LocalDate, Integer> UNIQUE = Map.of(D17, 1, D18, 2, D19, 1, D20, 1);

  // ----- per user (requests, errors, tokens, total cost only) -----

  public static final Figures U2_17 = Figures.requests(1, 0).tokens(2, 2, 0, 0).cost("0.02", "0");
  /** r1 + r2. */
  public static final Figures U1_18 = Figures.requests(2, 1).tokens(110, 50, 10, 5).cost("0.60", "0");
  /** r6, pending: one request, nothing else yet. */
  public static final Figures U2_18 = Figures.requests(1, 0);
  public static final Figures U2_19 = Figures.requests(1, 0).tokens(1, 1, 0, 0).cost("0.01", "0");
  public static final Figures U1_20 = Figures.requests(1, 0).tokens(7, 0, 0, 0).cost("0.07", "0");

  // ----- per model (requests, errors, tokens, total cost, response time) -----

  public static final Figures MODEL_C_17 = Figures.requests(1, 0).tokens(2, 2, 0, 0).cost("0.02", "0")
      .avgResponseTime(200);
  /** r1, r6, r3: only r1 has a response time; r3 (error message) is the one error. */
  public static final Figures MODEL_A_18 = Figures.requests(3, 1).tokens(100, 50, 10, 5).cost("0.50", "0")
      .avgResponseTime(1000);
  /** r2, a 500. */
  public static final Figures MODEL_B_18 = Figures.requests(1, 1).tokens(10, 0, 0, 0).cost("0.10", "0")
      .avgResponseTime(3000);
  public static final Figures MODEL_C_19 = Figures.requests(1, 0).tokens(1, 1, 0, 0).cost("0.01", "0")
      .avgResponseTime(400);
}
