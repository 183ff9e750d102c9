package dev.aether.stats.changelog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import liquibase.UpdateSummaryOutputEnum;

/**
 * Applies the Liquibase changelog: the one way the schema changes, used by {@code serve}, {@code migrate}
 * and every test's fresh database alike. JDBC is used here and nowhere else (the service itself talks to
 * PostgreSQL through vertx-pg-client).
 */
public final class SchemaMigrator {
  public static final String CHANGELOG = "db/changelog/db.changelog-master.xml";
  /** Demo data only (stats_demo_fill, stats_demo_runs): applied by demo-data and serve --demo, never by default. */
  public static final String DEMO_CHANGELOG = "db/changelog/demo/demo.changelog.xml";
  /**
   * How long a migration statement waits for a table lock before it gives up. A live gateway writes all
   * the time: a DDL statement queued behind its transactions would block every later write of the gateway
   * until it ran, so we fail instead and the operator retries later.
   */
  public static final int LOCK_TIMEOUT_SECONDS = 5;

  // Liquibase logs every changeset at INFO through java.util.logging; keep the logger (a weak reference
  // otherwise lets the level setting be garbage-collected) and quiet it.
  private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

  static {
    LIQUIBASE_LOG.setLevel(Level.WARNING);
    // Liquibase 4.3x otherwise tries to send usage analytics over the network at every run.
    System.setProperty("liquibase.analytics.enabled", "false");
    System.setProperty("liquibase.showBanner", "false");
  }

  private SchemaMigrator() {}

  /** What a migration did: changesets applied now and recorded in all, index builds on the gateway's tables. */
  public record Result(int changesetsApplied, int changesetsTotal, int indexesBuilt) {}

  /**
   * Brings the database at {@code jdbcUrl} up to date. Safe to run at every start and from several
   * processes at once (Liquibase's lock table serializes them); a second run applies nothing. A gateway
   * schema we cannot read is refused ({@link UnsupportedGatewaySchemaException}) before anything changes.
   */
  public static Result migrate(String jdbcUrl, String user, String password) throws MigrationException {
    return apply(jdbcUrl, user, password, CHANGELOG, true);
  }

  /** Installs what demo-data needs ({@link #DEMO_CHANGELOG}) into an already migrated database. */
  public static Result migrateDemo(String jdbcUrl, String user, String password) throws MigrationException {
    return apply(jdbcUrl, user, password, DEMO_CHANGELOG, false);
  }

  private static Result apply(String jdbcUrl, String user, String password, String changelog, boolean gateway)
      throws MigrationException {
    Properties props = new Properties();
    props.setProperty("user", user);
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("ApplicationName", "aether-stats migrate");
    // session defaults of every statement of the migration, Liquibase's included
    props.setProperty("options", "-c lock_timeout=" + LOCK_TIMEOUT_SECONDS + "s");
    try (Connection connection = DriverManager.getConnection(jdbcUrl, props)) {
      if (gateway) {
        GatewaySchemaCheck.check(connection);
      }
      int before = appliedChangesets(connection);
      runLiquibase(connection, changelog);
      int after = appliedChangesets(connection);
      int indexes = 0;
      if (gateway) {
        connection.setAutoCommit(true);
        indexes = GatewayIndexes.ensure(connection);
      }
      return new Result(after - before, after, indexes);
    } catch (SQLException e) {
      throw new MigrationException(describe(e), e);
    }
  }

  private static void runLiquibase(Connection connection, String changelog) throws MigrationException {
    Map<String, Object> scope = Map.of(
        Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()),
        Scope.Attr.ui.name(), new LoggerUIService());
    try {
      Scope.child(scope, () -> {
        Database database = DatabaseFactory.getInstance()
            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        new CommandScope(UpdateCommandStep.COMMAND_NAME)
            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
            .execute();
      });
    } catch (Exception e) {
      SQLException sql = sqlCause(e);
      if (sql != null && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
        throw new MigrationException(lockTimeout(tableOf(allMessages(e))), e);
      }
      throw new MigrationException("schema migration failed: " + rootMessage(e), e);
    }
  }

  private static int appliedChangesets(Connection connection) throws SQLException {
    // two statements: a query naming a missing table fails at parse time, whatever a CASE says
    try (Statement st = connection.createStatement();
         ResultSet exists = st.executeQuery("SELECT to_regclass('databasechangelog') IS NOT NULL")) {
      exists.next();
      if (!exists.getBoolean(1)) {
        return 0;
      }
    }
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*) FROM databasechangelog")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** SQLSTATE 55P03 lock_not_available: what lock_timeout raises. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private static String describe(SQLException e) {
    if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
      return lockTimeout(tableOf(allMessages(e)));
    }
    return "cannot migrate the database: " + e.getMessage();
  }

  private static String lockTimeout(String table) {
    return "could not take a lock on " + (table == null ? "a table" : "table " + table) + " within "
        + LOCK_TIMEOUT_SECONDS + " s; the gateway is busy; retry later";
  }

  /** The table a failed DDL statement names (Liquibase quotes the statement in its message), if any. */
  static String tableOf(String message) {
    if (message == null) {
      return null;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "\\b(?:ALTER TABLE|LOCK TABLE|DELETE FROM|UPDATE|INSERT INTO|TRUNCATE|CREATE (?:UNIQUE )?INDEX"
            + "(?: CONCURRENTLY)?(?: IF NOT EXISTS)? \\S+ ON(?: ONLY)?|DROP INDEX(?: CONCURRENTLY)?(?: IF EXISTS)?"
            + ")\\s+(?:IF EXISTS\\s+|ONLY\\s+)?([A-Za-z_][A-Za-z0-9_.]*)").matcher(message.replace("\"", ""));
    return m.find() ? m.group(1) : null;
  }

  private static String allMessages(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      sb.append(t.getMessage()).append('\n');
    }
    return sb.toString();
  }

  private static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s) {
        return s;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
