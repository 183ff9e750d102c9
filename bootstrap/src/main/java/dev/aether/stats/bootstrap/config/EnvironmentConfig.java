package dev.aether.stats.bootstrap.config;

import dev.aether.stats.changelog.PostgresUrl;
import dev.aether.stats.domain.usecase.RollupService;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Reads {@link StatsConfig} from environment variables. Every value is checked and every problem
 * reported (not only the first), each with the variable's name, what it got and what it expects; a
 * secret's value is never repeated.
 */
public final class EnvironmentConfig {
  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  private EnvironmentConfig(Map<String, String> env) {
    this.env = env;
  }

  public static StatsConfig load(Map<String, String> env) throws ConfigException {
    return new EnvironmentConfig(env).read();
  }

  private StatsConfig read() throws ConfigException {
    Optional<PostgresUrl> url = optional("STATS_DATABASE_URL", v -> {
      try {
        return PostgresUrl.parse(v);
      } catch (IllegalArgumentException e) {
        throw new Bad("STATS_DATABASE_URL " + e.getMessage());
      }
    });
    Path dataDir = value("STATS_DATA_DIR", "./data", v -> {
      try {
        return Path.of(v);
      } catch (InvalidPathException e) {
        throw new Bad("STATS_DATA_DIR '" + v + "' is not a valid path: " + e.getReason());
      }
    });
    ZoneId zone = value("STATS_TIMEZONE", "UTC", v -> {
      try {
        return ZoneId.of(v);
      } catch (DateTimeException e) {
        throw new Bad("STATS_TIMEZONE '" + v + "' is not an IANA time zone (for example UTC, Asia/Shanghai, America/New_York)");
      }
    });
    String host = value("STATS_HTTP_HOST", "127.0.0.1", v -> {
      if (v.isBlank() || v.chars().anyMatch(Character::isWhitespace)) {
        throw new Bad("STATS_HTTP_HOST '" + v + "' is not a host name or address");
      }
      return v;
    });
    int port = value("STATS_HTTP_PORT", "8080", v -> integer("STATS_HTTP_PORT", v, 0, 65535));
    Optional<String> token = optional("STATS_ADMIN_TOKEN", v -> {
      if (v.length() < 16 || v.chars().anyMatch(c -> c <= ' ' || c > '~')) {
        // the value is a secret: say what is wrong, never what it is
        throw new Bad("STATS_ADMIN_TOKEN must be at least 16 printable ASCII characters without spaces");
      }
      return v;
    });
    Duration interval = value("STATS_ROLLUP_INTERVAL", "PT5M",
        v -> duration("STATS_ROLLUP_INTERVAL", v, Duration.ofSeconds(1), Duration.ofDays(1), "PT5M, PT30S, PT1H"));
    int settle = value("STATS_SETTLE_DAYS", "2", v -> integer("STATS_SETTLE_DAYS", v, 0, 60));
    Duration settleInterval = value("STATS_SETTLE_INTERVAL", "PT1H",
        v -> duration("STATS_SETTLE_INTERVAL", v, Duration.ZERO, Duration.ofDays(1), "PT1H, PT0S for every tick"));
    // the limits are the consumers' own (RollupService and AdminApi refuse more), so nothing fails later;
    // STATS_BACKFILL_DAYS unset: all history (the ticks materialize every closed day since the first usage row)
    Optional<Integer> backfill = optional("STATS_BACKFILL_DAYS",
        v -> integer("STATS_BACKFILL_DAYS", v, 1, RollupService.MAX_BACKFILL_DAYS));
    int batch = value("STATS_ROLLUP_BATCH_DAYS", "31", v -> integer("STATS_ROLLUP_BATCH_DAYS", v, 1, 366));
    int parallelism = value("STATS_ROLLUP_PARALLELISM", "2", v -> integer("STATS_ROLLUP_PARALLELISM", v, 1, 4));
    int tickBatches = value("STATS_TICK_MAX_BATCHES", "4", v -> integer("STATS_TICK_MAX_BATCHES", v, 1, 1000));
    int maxRange = value("STATS_MAX_RANGE_DAYS", "366",
        v -> integer("STATS_MAX_RANGE_DAYS", v, 1, RollupService.MAX_BACKFILL_DAYS));
    Duration liveCache = value("STATS_LIVE_CACHE", "PT1S",
        v -> duration("STATS_LIVE_CACHE", v, Duration.ZERO, Duration.ofMinutes(1), "PT1S, PT0S to turn it off"));
    boolean dashboard = value("STATS_DASHBOARD", "on", v -> switch (v) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new Bad("STATS_DASHBOARD '" + v + "' must be on or off");
    });
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new StatsConfig(url, dataDir, zone, host, port, token, interval, settle, settleInterval,
        backfill.map(OptionalInt::of).orElse(OptionalInt.empty()), batch, parallelism, tickBatches, maxRange, liveCache,
        dashboard);
  }

  private static Duration duration(String name, String v, Duration min, Duration max, String examples) {
    Duration d;
    try {
      d = Duration.parse(v);
    } catch (DateTimeParseException e) {
      throw new Bad(name + " '" + v + "' is not an ISO-8601 duration (for example " + examples + ")");
    }
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new Bad(name + " '" + v + "' must be between " + min + " and " + max);
    }
    return d;
  }

  private static int integer(String name, String v, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new Bad(name + " '" + v + "' is not a whole number");
    }
    if (n < min || n > max) {
      throw new Bad(name + " " + n + " is out of range " + min + ".." + max);
    }
    return n;
  }

  private <T> T value(String name, String fallback, Function<String, T> parse) {
    String raw = env.get(name);
    String v = raw == null || raw.isEmpty() ? fallback : raw;
    try {
      return parse.apply(v);
    } catch (Bad e) {
      problems.add(e.getMessage());
      return parse.apply(fallback);
    }
  }

  private <T> Optional<T> optional(String name, Function<String, T> parse) {
    String raw = env.get(name);
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(raw));
    } catch (Bad e) {
      problems.add(e.getMessage());
      return Optional.empty();
    }
  }

  /** A value is wrong; the message is the line shown to the operator. */
  private static final class Bad extends RuntimeException {
    Bad(String message) {
      super(message, null, false, false);
    }
  }
}
