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

  /** What a migration did. */
  public record Result(int changesetsApplied, int changesetsTotal) {}

  /**
   * Brings the database at {@code jdbcUrl} up to date. Safe to run at every start and from several
   * processes at once (Liquibase's lock table serializes them); a second run applies nothing.
   */
  public static Result migrate(String jdbcUrl, String user, String password) throws MigrationException {
    Properties props = new Properties();
    props.setProperty("user", user);
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("ApplicationName", "aether-stats migrate");
    try (Connection connection = DriverManager.getConnection(jdbcUrl, props)) {
      int before = appliedChangesets(connection);
      runLiquibase(connection);
      int after = appliedChangesets(connection);
      return new Result(after - before, after);
    } catch (SQLException e) {
      throw new MigrationException("cannot migrate the database: " + e.getMessage(), e);
    }
  }

  private static void runLiquibase(Connection connection) throws MigrationException {
    Map<String, Object> scope = Map.of(
        Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()),
        Scope.Attr.ui.name(), new LoggerUIService());
    try {
      Scope.child(scope, () -> {
        Database database = DatabaseFactory.getInstance()
            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        new CommandScope(UpdateCommandStep.COMMAND_NAME)
            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
            .execute();
      });
    } catch (Exception e) {
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

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
