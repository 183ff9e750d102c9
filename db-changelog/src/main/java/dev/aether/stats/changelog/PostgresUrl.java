package dev.aether.stats.changelog;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A parsed {@code postgresql://user:password@host:port/database} address: the one format of
 * STATS_DATABASE_URL and STATS_TEST_DATABASE_URL. {@link #toString()} never shows the password, so the
 * value can be logged.
 */
public record PostgresUrl(String host, int port, String database, String user, String password) {
  public static final int DEFAULT_PORT = 5432;

  public PostgresUrl {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
  }

  /** Parses the URL; the exception's message says exactly what is wrong (without the password). */
  public static PostgresUrl parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("is empty; expected postgresql://user:password@host:port/database");
    }
    String trimmed = text.trim();
    if (trimmed.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "must not start with 'jdbc:'; expected postgresql://user:password@host:port/database");
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "is not a valid URL (" + e.getReason() + "); expected postgresql://user:password@host:port/database");
    }
    String scheme = uri.getScheme();
    if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
      throw new IllegalArgumentException(
          "has scheme '" + scheme + "'; expected postgresql://user:password@host:port/database");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("has no host; expected postgresql://user:password@host:port/database");
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("has port " + port + " outside 1..65535");
    }
    String path = uri.getRawPath();
    if (path == null || path.length() <= 1 || path.indexOf('/', 1) >= 0) {
      throw new IllegalArgumentException("names no database; expected postgresql://user:password@host:port/database");
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null || userInfo.isEmpty()) {
      throw new IllegalArgumentException("names no user; expected postgresql://user:password@host:port/database");
    }
    int colon = userInfo.indexOf(':');
    String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
    String password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    return new PostgresUrl(uri.getHost(), port, decode(path.substring(1)), user, password);
  }

  public static PostgresUrl of(String host, int port, String database, String user, String password) {
    return new PostgresUrl(host, port, database, user, password);
  }

  public PostgresUrl withDatabase(String otherDatabase) {
    return new PostgresUrl(host, port, otherDatabase, user, password);
  }

  /** For the JDBC driver (migrations only); credentials are passed separately, never in the URL. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + database;
  }

  private String hostForUrl() {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** Loggable: the password is never shown. */
  @Override
  public String toString() {
    return "postgresql://" + user + (password == null ? "" : ":***") + "@" + hostForUrl() + ":" + port + "/" + database;
  }
}
