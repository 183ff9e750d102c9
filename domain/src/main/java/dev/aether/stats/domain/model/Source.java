package dev.aether.stats.domain.model;

/** Where a day's figures came from, so a reader knows how settled they are. */
public enum Source {
  /** Read from the stats tables, written by a rollup. */
  MATERIALIZED,
  /** Computed from the usage rows at read time (today, or a closed day not materialized yet). */
  LIVE;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
