package dev.aether.stats.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aether.stats.testsupport.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** stats_demo_fill writes into the gateway's tables: installed only where demo data is asked for. */
class DemoChangelogTest {
  @RegisterExtension static final FreshDatabase PRODUCTION = FreshDatabase.unmigrated();
  @RegisterExtension static final FreshDatabase OLD_INSTALLATION = FreshDatabase.unmigrated();

  private static final String FUNCTION = "SELECT count(*) FROM pg_proc WHERE proname = 'stats_demo_fill'";

  @Test
  void aPlainMigrateInstallsNoDemoFunctionAndTheDemoChangelogDoes() throws Exception {
    migrate(PRODUCTION);
    assertEquals(0, PRODUCTION.queryLong(FUNCTION));
    assertEquals(0, PRODUCTION.queryLong("SELECT count(*) FROM pg_class WHERE relname = 'stats_demo_runs'"));

    SchemaMigrator.Result demo = SchemaMigrator.migrateDemo(PRODUCTION.url().jdbcUrl(), PRODUCTION.url().user(),
        PRODUCTION.url().password());
    assertEquals(2, demo.changesetsApplied(), "stats_demo_runs and stats_demo_fill");
    assertEquals(1, PRODUCTION.queryLong(FUNCTION));
    assertEquals(0, migrate(PRODUCTION).changesetsApplied(), "a later plain migrate leaves it (asked for) alone");
    assertEquals(1, PRODUCTION.queryLong(FUNCTION));
  }

  @Test
  void anInstallationFromBeforeLosesTheFunctionAtMigrate() throws Exception {
    OLD_INSTALLATION.execute("CREATE FUNCTION stats_demo_fill(p_days int, p_rows_per_day int, p_users int,"
        + " p_seed bigint, p_end timestamptz) RETURNS int LANGUAGE sql AS 'SELECT 1'");
    migrate(OLD_INSTALLATION);
    assertEquals(0, OLD_INSTALLATION.queryLong(FUNCTION));
  }

  private static SchemaMigrator.Result migrate(FreshDatabase db) throws MigrationException {
    return SchemaMigrator.migrate(db.url().jdbcUrl(), db.url().user(), db.url().password());
  }
}
