package dev.aether.stats.domain.model;

/**
 * Requests and errors of one key (a status class, provider or model), the errors split into client
 * errors (4xx), service errors (5xx, or a message without status) and the others.
 */
public record ErrorSummary(String key, long totalRequests, long clientErrors, long serviceErrors, long otherErrors) {

  public long successRequests() {
    return totalRequests - clientErrors - serviceErrors - otherErrors;
  }

  /** success / total; null without requests. */
  public Double successRate() {
    return totalRequests == 0 ? null : (double) successRequests() / totalRequests;
  }

  /** success / (total - client errors): the service's own success; null when that is 0. */
  public Double successRateExcludingClientErrors() {
    long base = totalRequests - clientErrors;
    return base == 0 ? null : (double) successRequests() / base;
  }
}
