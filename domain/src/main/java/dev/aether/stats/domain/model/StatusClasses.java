package dev.aether.stats.domain.model;

/**
 * Requests and errors per status class: 2xx = status below 300, 3xx, 4xx, 5xx = 500 and above, none =
 * no status code. Every 4xx and 5xx request is an error; below 400 and without status, an error is a
 * request with an error message.
 */
public record StatusClasses(
    long requests2xx,
    long requests3xx,
    long requests4xx,
    long requests5xx,
    long requestsNoStatus,
    long errors2xx,
    long errors3xx,
    long errorsNoStatus) {

  public static final StatusClasses ZERO = new StatusClasses(0, 0, 0, 0, 0, 0, 0, 0);

  public StatusClasses plus(StatusClasses o) {
    return new StatusClasses(requests2xx + o.requests2xx, requests3xx + o.requests3xx,
        requests4xx + o.requests4xx, requests5xx + o.requests5xx, requestsNoStatus + o.requestsNoStatus,
        errors2xx + o.errors2xx, errors3xx + o.errors3xx, errorsNoStatus + o.errorsNoStatus);
  }
}
