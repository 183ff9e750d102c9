package dev.aether.stats.domain.model;

/**
 * The per-key breakdowns of a business day, each with its stats table: the key is the provider, the API
 * key's id, the model (with the provider as second key), or the user's id.
 */
public enum Breakdown {
  /** stats_daily_provider. */
  PROVIDER,
  /** stats_daily_api_key; rows without a key are left out. */
  API_KEY,
  /** stats_daily_model_provider: key = model, subKey = provider. */
  MODEL_PROVIDER,
  /**
   * stats_user_daily (rows without a user are left out); it stores requests, errors, tokens and total
   * cost only, so the other figures of a stored user row are zero.
   */
  USER
}
