package dev.aether.stats.domain.model;

import java.util.Objects;

/**
 * The additive figures of a breakdown row (issue 11): the {@link Totals}, and beside them
 * <ul>
 *   <li>client errors: status 400..499; service errors: status 500 and above, or an error message
 *       without a status code; other errors (an error message with a status below 400) are the rest;</li>
 *   <li>first-byte time sum and count (non-NULL first_byte_time_ms);</li>
 *   <li>speed inputs: output tokens and generation time (response time - first-byte time, a NULL first
 *       byte counting as 0) of the completed requests with output tokens and a positive generation time;</li>
 *   <li>cache hits: requests with cache-read tokens;</li>
 *   <li>requests and errors per status class.</li>
 * </ul>
 */
public record BreakdownFigures(
    Totals totals,
    long clientErrors,
    long serviceErrors,
    long firstByteSumMs,
    long firstByteCount,
    long speedOutputTokens,
    long speedGenerationMs,
    long cacheHitRequests,
    StatusClasses statusClasses) {

  public static final BreakdownFigures ZERO =
      new BreakdownFigures(Totals.ZERO, 0, 0, 0, 0, 0, 0, 0, StatusClasses.ZERO);

  public BreakdownFigures {
    Objects.requireNonNull(totals, "totals");
    Objects.requireNonNull(statusClasses, "statusClasses");
  }

  public long otherErrors() {
    return totals.errorRequests() - clientErrors - serviceErrors;
  }

  /** All tokens: input + output + cache creation + cache read. */
  public long allTokens() {
    return totals.inputTokens() + totals.outputTokens() + totals.cacheCreationTokens() + totals.cacheReadTokens();
  }

  public BreakdownFigures plus(BreakdownFigures o) {
    return new BreakdownFigures(totals.plus(o.totals), clientErrors + o.clientErrors,
        serviceErrors + o.serviceErrors, firstByteSumMs + o.firstByteSumMs, firstByteCount + o.firstByteCount,
        speedOutputTokens + o.speedOutputTokens, speedGenerationMs + o.speedGenerationMs,
        cacheHitRequests + o.cacheHitRequests, statusClasses.plus(o.statusClasses));
  }
}
