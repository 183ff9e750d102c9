package dev.aether.stats.bootstrap.commands;

import dev.aether.stats.bootstrap.config.StatsConfig;
import dev.aether.stats.bootstrap.db.Databases;
import dev.aether.stats.bootstrap.db.RunningDatabase;
import dev.aether.stats.changelog.MigrationException;
import dev.aether.stats.changelog.PostgresUrl;
import dev.aether.stats.changelog.SchemaMigrator;
import dev.aether.stats.changelog.UnsupportedGatewaySchemaException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.logging.Logger;

/** {@code migrate}: apply the changelog and exit. Also the first step of every other command. */
public final class MigrateCommand {
  private static final Logger LOG = Logger.getLogger(MigrateCommand.class.getName());

  private MigrateCommand() {}

  public static void run(StatsConfig config, PrintStream out) throws CommandFailure {
    try (RunningDatabase db = open(config)) {
      SchemaMigrator.Result r = migrate(db.url());
      out.println("migrate: " + r.changesetsApplied() + " changeset(s) applied, " + r.changesetsTotal()
          + " in all, " + r.indexesBuilt() + " index(es) built on the gateway's tables; schema up to date");
    } catch (IOException e) {
      throw new CommandFailure(e.getMessage(), e);
    }
  }

  static RunningDatabase open(StatsConfig config) throws CommandFailure {
    try {
      RunningDatabase db = Databases.open(config);
      LOG.info("database: " + db.description());
      return db;
    } catch (IOException e) {
      throw new CommandFailure(e.getMessage(), e);
    }
  }

  static SchemaMigrator.Result migrate(PostgresUrl url) throws CommandFailure {
    try {
      return SchemaMigrator.migrate(url.jdbcUrl(), url.user(), url.password());
    } catch (UnsupportedGatewaySchemaException e) {
      throw CommandFailure.refused(e.getMessage(), e);
    } catch (MigrationException e) {
      throw new CommandFailure(e.getMessage() + " (database " + url + ")", e);
    }
  }

  /** What demo-data and serve --demo need on top (stats_demo_fill); never part of a plain migrate. */
  static void migrateDemo(PostgresUrl url) throws CommandFailure {
    try {
      SchemaMigrator.migrateDemo(url.jdbcUrl(), url.user(), url.password());
    } catch (MigrationException e) {
      throw new CommandFailure(e.getMessage() + " (database " + url + ")", e);
    }
  }
}
