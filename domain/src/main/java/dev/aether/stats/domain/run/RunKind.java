package dev.aether.stats.domain.run;

/** What started a run of the rollup. */
public enum RunKind {
  ROLLUP, BACKFILL, TICK;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
