package dev.aether.stats.bootstrap.config;

import java.util.List;

/** One or more configuration values are wrong; each problem is one line naming the variable. */
public final class ConfigException extends Exception {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
