package dev.aether.stats.domain.fakes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The columns of a gateway {@code usage} row that statistics read. Nullable where the table is (tokens,
 * costs, status code, response and first-byte time, user, key); {@link #of} gives the table's defaults, the withers
 * change one aspect each so a test states only what matters to it.
 */
public record UsageRow(
    String id,
    String requestId,
    String userId,
    String apiKeyId,
    String provider,
    String model,
    Integer inputTokens,
    Integer outputTokens,
    Integer cacheCreationInputTokens,
    Integer cacheReadInputTokens,
    BigDecimal inputCostUsd,
    BigDecimal outputCostUsd,
    BigDecimal cacheCreationCostUsd,
    BigDecimal cacheReadCostUsd,
    BigDecimal totalCostUsd,
    BigDecimal actualTotalCostUsd,
    Integer statusCode,
    String errorMessage,
    Integer responseTimeMs,
    String status,
    Instant createdAt,
    Integer firstByteTimeMs) {

  public UsageRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * A completed request answered 200, request id "req-" + id, no API key, zero tokens and costs (the
   * column defaults), no response time.
   */
  public static UsageRow of(String id, String userId, String model, String provider, Instant createdAt) {
    BigDecimal z = BigDecimal.ZERO;
    return new UsageRow(id, "req-" + id, userId, null, provider, model, 0, 0, 0, 0, z, z, z, z, z, z,
        200, null, null, "completed", createdAt, null);
  }

  /** A request still in flight: status 'pending', no status code, no response time, zero tokens. */
  public static UsageRow pending(String id, String userId, String model, String provider, Instant createdAt) {
    return of(id, userId, model, provider, createdAt).withStatus("pending", null).withResponseTime(null);
  }

  public UsageRow withTokens(Integer input, Integer output, Integer cacheCreation, Integer cacheRead) {
    return new UsageRow(id, requestId, userId, apiKeyId, provider, model, input, output, cacheCreation,
        cacheRead, inputCostUsd, outputCostUsd, cacheCreationCostUsd, cacheReadCostUsd, totalCostUsd,
        actualTotalCostUsd, statusCode, errorMessage, responseTimeMs, status, createdAt, firstByteTimeMs);
  }

  /** Costs as decimal strings (null for a NULL column): total, actual, input, output, cache creation, cache read. */
  public UsageRow withCosts(String total, String actual, String input, String output, String cacheCreation,
      String cacheRead) {
    return new UsageRow(id, requestId, userId, apiKeyId, provider, model, inputTokens, outputTokens,
        cacheCreationInputTokens, cacheReadInputTokens, dec(input), dec(output), dec(cacheCreation),
        dec(cacheRead), dec(total), dec(actual), statusCode, errorMessage, responseTimeMs, status, createdAt, firstByteTimeMs);
  }

  /** Only total and actual cost (the four others stay as they are). */
  public UsageRow withCost(String total, String actual) {
    return new UsageRow(id, requestId, userId, apiKeyId, provider, model, inputTokens, outputTokens,
        cacheCreationInputTokens, cacheReadInputTokens, inputCostUsd, outputCostUsd, cacheCreationCostUsd,
        cacheReadCostUsd, dec(total), dec(actual), statusCode, errorMessage, responseTimeMs, status, createdAt, firstByteTimeMs);
  }

  public UsageRow withStatus(String status, Integer statusCode) {
    return new UsageRow(id, requestId, userId, apiKeyId, provider, model, inputTokens, outputTokens,
        cacheCreationInputTokens, cacheReadInputTokens, inputCostUsd, outputCostUsd, cacheCreationCostUsd,
        cacheReadCostUsd, totalCostUsd, actualTotalCostUsd, statusCode, errorMessage, responseTimeMs, status,
        createdAt, firstByteTimeMs);
  }

  public UsageRow withError(String errorMessage) {
    return new UsageRow(id, requestId, userId, apiKeyId, provider, model, inputTokens, outputTokens,
        cacheCreationInputTokens, cacheReadInputTokens, inputCostUsd, outputCostUsd, cacheCreationCostUsd,
        cacheReadCostUsd, totalCostUsd, actualTotalCostUsd, statusCode, errorMessage, responseTimeMs, status,
        createdAt, firstByteTimeMs);
  }

  public UsageRow withResponseTime(Integer responseTimeMs) {
    return new UsageRow(id, requestId, userId, apiKeyId, provider, model, inputTokens, outputTokens,
        cacheCreationInputTokens, cacheReadInputTokens, inputCostUsd, outputCostUsd, cacheCreationCostUsd,
        cacheReadCostUsd, totalCostUsd, actualTotalCostUsd, statusCode, errorMessage, responseTimeMs, status,
        createdAt, firstByteTimeMs);
  }

  public UsageRow withUser(String userId, String apiKeyId) {
    return new UsageRow(id, requestId, userId, apiKeyId, provider, model, inputTokens, outputTokens,
        cacheCreationInputTokens, cacheReadInputTokens, inputCostUsd, outputCostUsd, cacheCreationCostUsd,
        cacheReadCostUsd, totalCostUsd, actualTotalCostUsd, statusCode, errorMessage, responseTimeMs, status,
        createdAt, firstByteTimeMs);
  }

  public UsageRow withModel(String model, String provider) {
    return new UsageRow(id, requestId, userId, apiKeyId, provider, model, inputTokens, outputTokens,
        cacheCreationInputTokens, cacheReadInputTokens, inputCostUsd, outputCostUsd, cacheCreationCostUsd,
        cacheReadCostUsd, totalCostUsd, actualTotalCostUsd, statusCode, errorMessage, responseTimeMs, status,
        createdAt, firstByteTimeMs);
  }

  /** The time to the first byte (first_byte_time_ms; NULL by default). */
  public UsageRow withFirstByteTime(Integer firstByteTimeMs) {
    return new UsageRow(id, requestId, userId, apiKeyId, provider, model, inputTokens, outputTokens,
        cacheCreationInputTokens, cacheReadInputTokens, inputCostUsd, outputCostUsd, cacheCreationCostUsd,
        cacheReadCostUsd, totalCostUsd, actualTotalCostUsd, statusCode, errorMessage, responseTimeMs, status,
        createdAt, firstByteTimeMs);
  }

  public UsageRow withCreatedAt(Instant createdAt) {
    return new UsageRow(id, requestId, userId, apiKeyId, provider, model, inputTokens, outputTokens,
        cacheCreationInputTokens, cacheReadInputTokens, inputCostUsd, outputCostUsd, cacheCreationCostUsd,
        cacheReadCostUsd, totalCostUsd, actualTotalCostUsd, statusCode, errorMessage, responseTimeMs, status,
        createdAt, firstByteTimeMs);
  }

  private static BigDecimal dec(String s) {
    return s == null ? null : new BigDecimal(s);
  }
}
