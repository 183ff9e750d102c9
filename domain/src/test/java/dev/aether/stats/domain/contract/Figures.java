package dev.aether.stats.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.model.Totals;
import java.math.BigDecimal;

/**
 * Expected figures, written by hand in a test. Compared with {@link Totals} as the stats tables can hold
 * them: counts exactly, costs within 1e-9 (the columns are double precision), and the average response
 * time within 1e-6 (stored rows keep only the average). Unset fields are expected to be zero.
 */
public record Figures(
    long total, long errors, long input, long output, long cacheCreation, long cacheRead,
    String cost, String actualCost, String inputCost, String outputCost, String cacheCreationCost,
    String cacheReadCost, double avgResponseTimeMs) {

  private static final BigDecimal COST_TOLERANCE = new BigDecimal("1e-9");

  public static final Figures ZERO = requests(0, 0);

  public static Figures requests(long total, long errors) {
    return new Figures(total, errors, 0, 0, 0, 0, "0", "0", "0", "0", "0", "0", 0.0);
  }

  public Figures tokens(long input, long output, long cacheCreation, long cacheRead) {
    return new Figures(total, errors, input, output, cacheCreation, cacheRead, cost, actualCost, inputCost,
        outputCost, cacheCreationCost, cacheReadCost, avgResponseTimeMs);
  }

  /** Total and actual cost. */
  public Figures cost(String cost, String actualCost) {
    return new Figures(total, errors, input, output, cacheCreation, cacheRead, cost, actualCost, inputCost,
        outputCost, cacheCreationCost, cacheReadCost, avgResponseTimeMs);
  }

  /** Input, output, cache creation and cache read cost. */
  public Figures costParts(String inputCost, String outputCost, String cacheCreationCost, String cacheReadCost) {
    return new Figures(total, errors, input, output, cacheCreation, cacheRead, cost, actualCost, inputCost,
        outputCost, cacheCreationCost, cacheReadCost, avgResponseTimeMs);
  }

  public Figures avgResponseTime(double avgResponseTimeMs) {
    return new Figures(total, errors, input, output, cacheCreation, cacheRead, cost, actualCost, inputCost,
        outputCost, cacheCreationCost, cacheReadCost, avgResponseTimeMs);
  }

  public void assertMatches(Totals actual, String what) {
    assertEquals(total, actual.totalRequests(), what + ": total_requests");
    assertEquals(errors, actual.errorRequests(), what + ": error_requests");
    assertEquals(total - errors, actual.successRequests(), what + ": success_requests");
    assertEquals(input, actual.inputTokens(), what + ": input_tokens");
    assertEquals(output, actual.outputTokens(), what + ": output_tokens");
    assertEquals(cacheCreation, actual.cacheCreationTokens(), what + ": cache_creation_tokens");
    assertEquals(cacheRead, actual.cacheReadTokens(), what + ": cache_read_tokens");
    assertCost(cost, actual.totalCost(), what + ": total_cost");
    assertCost(actualCost, actual.actualTotalCost(), what + ": actual_total_cost");
    assertCost(inputCost, actual.inputCost(), what + ": input_cost");
    assertCost(outputCost, actual.outputCost(), what + ": output_cost");
    assertCost(cacheCreationCost, actual.cacheCreationCost(), what + ": cache_creation_cost");
    assertCost(cacheReadCost, actual.cacheReadCost(), what + ": cache_read_cost");
    assertEquals(avgResponseTimeMs, actual.avgResponseTimeMs(), 1e-6, what + ": avg_response_time_ms");
  }

  private static void assertCost(String expected, BigDecimal actual, String what) {
    BigDecimal diff = new BigDecimal(expected).subtract(actual).abs();
    assertTrue(diff.compareTo(COST_TOLERANCE) <= 0, what + ": expected " + expected + " but was " + actual);
  }
}
