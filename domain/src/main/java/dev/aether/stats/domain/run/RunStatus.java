package dev.aether.stats.domain.run;

/** Life of a run: running, then exactly one of the three ends. */
public enum RunStatus {
  RUNNING, SUCCEEDED, FAILED,
  /** The process died while it ran (found so later: no live owner holds it any more). */
  INTERRUPTED;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static RunStatus fromWireName(String s) {
    return valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }
}
