package dev.aether.stats.domain.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The additive figures of a set of usage rows (a day, a user's day, a model's day, all time).
 *
 * <p>Everything here adds up exactly: request counts and token sums are longs, costs are BigDecimal
 * (the database sums them as numeric), and the response-time average is kept as a sum and a count so
 * that averages of several days merge exactly. Fields a given table does not store are zero.
 */
public record Totals(
    long totalRequests,
    long errorRequests,
    long inputTokens,
    long outputTokens,
    long cacheCreationTokens,
    long cacheReadTokens,
    BigDecimal totalCost,
    BigDecimal actualTotalCost,
    BigDecimal inputCost,
    BigDecimal outputCost,
    BigDecimal cacheCreationCost,
    BigDecimal cacheReadCost,
    long responseTimeSumMs,
    long responseTimeCount) {

  public static final Totals ZERO =
      new Totals(0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
          BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

  public Totals {
    Objects.requireNonNull(totalCost, "totalCost");
    Objects.requireNonNull(actualTotalCost, "actualTotalCost");
    Objects.requireNonNull(inputCost, "inputCost");
    Objects.requireNonNull(outputCost, "outputCost");
    Objects.requireNonNull(cacheCreationCost, "cacheCreationCost");
    Objects.requireNonNull(cacheReadCost, "cacheReadCost");
    if (errorRequests > totalRequests) {
      throw new IllegalArgumentException("errorRequests > totalRequests");
    }
  }

  /** Requests that neither failed (status >= 400) nor carry an error message: total - error, as the original aggregator. */
  public long successRequests() {
    return totalRequests - errorRequests;
  }

  /** Mean response time over the requests that have one; 0 when none has, as the original aggregator. */
  public double avgResponseTimeMs() {
    return responseTimeCount == 0 ? 0.0 : (double) responseTimeSumMs / responseTimeCount;
  }

  /** Exact sum of two sets of figures (disjoint sets of rows). */
  public Totals plus(Totals o) {
    return new Totals(
        totalRequests + o.totalRequests,
        errorRequests + o.errorRequests,
        inputTokens + o.inputTokens,
        outputTokens + o.outputTokens,
        cacheCreationTokens + o.cacheCreationTokens,
        cacheReadTokens + o.cacheReadTokens,
        totalCost.add(o.totalCost),
        actualTotalCost.add(o.actualTotalCost),
        inputCost.add(o.inputCost),
        outputCost.add(o.outputCost),
        cacheCreationCost.add(o.cacheCreationCost),
        cacheReadCost.add(o.cacheReadCost),
        responseTimeSumMs + o.responseTimeSumMs,
        responseTimeCount + o.responseTimeCount);
  }
}
