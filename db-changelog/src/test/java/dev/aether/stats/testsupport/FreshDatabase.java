package dev.aether.stats.testsupport;

import dev.aether.stats.changelog.MigrationException;
import dev.aether.stats.changelog.PostgresUrl;
import dev.aether.stats.changelog.SchemaMigrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of its own for one test class: created before its first test on the shared
 * {@link TestPostgresServer}, migrated by the production {@link SchemaMigrator} (unless built with
 * {@link #unmigrated()}), dropped after its last test. Use as
 * {@code @RegisterExtension static final FreshDatabase DB = new FreshDatabase();}.
 */
public final class FreshDatabase implements BeforeAllCallback, AfterAllCallback {
  private final boolean migrate;
  private PostgresUrl url;

  public FreshDatabase() {
    this(true);
  }

  private FreshDatabase(boolean migrate) {
    this.migrate = migrate;
  }

  /** An empty database: for tests of the migration itself. */
  public static FreshDatabase unmigrated() {
    return new FreshDatabase(false);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException, MigrationException {
    PostgresUrl admin = TestPostgresServer.admin();
    String name = ("t_" + context.getRequiredTestClass().getSimpleName() + "_"
        + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    try (Connection c = connect(admin); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    url = admin.withDatabase(name);
    if (migrate) {
      SchemaMigrator.migrate(url.jdbcUrl(), url.user(), url.password());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    if (url == null) {
      return;
    }
    try (Connection c = connect(TestPostgresServer.admin()); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + url.database() + " WITH (FORCE)");
    }
  }

  public PostgresUrl url() {
    if (url == null) {
      throw new IllegalStateException("FreshDatabase is used before its test class started");
    }
    return url;
  }

  /** A JDBC connection for test fixtures and independent checks (the code under test uses Vert.x). */
  public Connection connect() throws SQLException {
    return connect(url());
  }

  /** Runs statements for a test's setup. */
  public void execute(String... sql) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  /** The first column of the first row of a query, as text (null for SQL NULL). */
  public String queryText(String sql) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
      if (!rs.next()) {
        throw new SQLException("no row: " + sql);
      }
      return rs.getString(1);
    }
  }

  /** The first column of the first row of a query, as a long (0 for SQL NULL). */
  public long queryLong(String sql) throws SQLException {
    String v = queryText(sql);
    return v == null ? 0 : Long.parseLong(v);
  }

  /** The first column of the first row of a query, as a double (exact decimal text rounded once). */
  public double queryDouble(String sql) throws SQLException {
    String v = queryText(sql);
    return v == null ? 0 : new java.math.BigDecimal(v).doubleValue();
  }

  private static Connection connect(PostgresUrl target) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", target.user());
    if (target.password() != null) {
      props.setProperty("password", target.password());
    }
    return DriverManager.getConnection(target.jdbcUrl(), props);
  }
}
