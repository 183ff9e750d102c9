package dev.aether.stats.bootstrap;

import dev.aether.stats.bootstrap.commands.ServeCommand;
import dev.aether.stats.changelog.SchemaMigrator;
import dev.aether.stats.testsupport.FreshDatabase;
import io.vertx.core.Future;
import java.time.Instant;

/**
 * Synthetic gateway traffic ending at a fixed instant, through a running service's demo port: the tests
 * that need it decide "now" themselves instead of taking the wall clock as demo-data does.
 */
final class DemoFill {
  private DemoFill() {}

  static void fill(FreshDatabase db, ServeCommand.RunningService service, int days, int rowsPerDay, int users,
      long seed, Instant end) throws Exception {
    // the demo fill function is installed on demand only (never in a production schema by default)
    SchemaMigrator.migrateDemo(db.url().jdbcUrl(), db.url().user(), db.url().password());
    Future.fromCompletionStage(service.app().demoTraffic().fill(days, rowsPerDay, users, seed, end)).await();
  }
}
