package dev.aether.stats.domain.model;

/**
 * Output speed and cache use of one model or provider over a range. Ratios are null when their
 * denominator is 0.
 */
public record EfficiencySummary(String key, BreakdownFigures figures) {

  /** speed output tokens / (speed generation time in seconds); see {@link BreakdownFigures}. */
  public Double outputTokensPerSecond() {
    return figures.speedGenerationMs() == 0 ? null
        : figures.speedOutputTokens() * 1000.0 / figures.speedGenerationMs();
  }

  /** Requests with cache-read tokens / all requests. */
  public Double cacheHitRate() {
    long n = figures.totals().totalRequests();
    return n == 0 ? null : (double) figures.cacheHitRequests() / n;
  }

  /** Cache-read tokens / all prompt tokens (input + cache creation + cache read). */
  public Double cacheReadShare() {
    Totals t = figures.totals();
    long prompt = t.inputTokens() + t.cacheCreationTokens() + t.cacheReadTokens();
    return prompt == 0 ? null : (double) t.cacheReadTokens() / prompt;
  }

  /** Mean first-byte time over the requests that have one; null when none has. */
  public Double avgFirstByteTimeMs() {
    return figures.firstByteCount() == 0 ? null : (double) figures.firstByteSumMs() / figures.firstByteCount();
  }
}
