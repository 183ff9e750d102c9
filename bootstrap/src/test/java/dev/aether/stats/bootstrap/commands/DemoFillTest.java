package dev.aether.stats.bootstrap.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.adapters.postgres.DemoTraffic;
import dev.aether.stats.bootstrap.config.EnvironmentConfig;
import dev.aether.stats.bootstrap.wiring.DaggerStatsComponent;
import dev.aether.stats.bootstrap.wiring.StatsComponent;
import dev.aether.stats.changelog.PostgresUrl;
import dev.aether.stats.testsupport.FreshDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** serve --demo's fill: day by day, every planned row inserted, progress lines with rows, share and time left. */
class DemoFillTest {
  @RegisterExtension static final FreshDatabase DB = new FreshDatabase();
  /** A Sunday noon: the windows start at noon, 2026-03-07 and 03-08 (Saturday, Sunday) are the weekend ones. */
  private static final Instant END = Instant.parse("2026-03-15T12:00:00Z");

  @Test
  void fillsDayByDayAndShowsProgress() throws Exception {
    PostgresUrl u = DB.url();
    String url = "postgresql://" + u.user() + (u.password() == null ? "" : ":" + u.password()) + "@" + u.host() + ":"
        + u.port() + "/" + u.database();
    // the demo fill function is installed on demand only
    dev.aether.stats.changelog.SchemaMigrator.migrateDemo(u.jdbcUrl(), u.user(), u.password());
    Vertx vertx = Vertx.vertx();
    StatsComponent app = DaggerStatsComponent.factory().create(
        EnvironmentConfig.load(Map.of("STATS_DATABASE_URL", url)), vertx, Clock.fixed(END, ZoneOffset.UTC), u,
        dev.aether.stats.adapters.http.ApiMetrics.newRegistry());
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    DemoTraffic.Filled f;
    try {
      f = new DemoFill(app.demoTraffic(), new PrintStream(progress, true, StandardCharsets.UTF_8), false)
          .fill(10, 300, 20, 42, END);
    } finally {
      Future.fromCompletionStage(app.postgres().close()).await();
      vertx.close().await();
    }
    long planned = 0;
    for (int d = 0; d < 10; d++) {
      planned += DemoFill.rowsOfDay(300, 10, d, 42, END);
    }
    assertEquals(planned, f.usage());
    assertEquals(DB.queryLong("SELECT count(*) FROM usage"), f.usage());
    assertEquals(20, f.users(), "the users once, not once per day");
    assertEquals(0, DB.queryLong("SELECT count(*) FROM usage WHERE created_at < '2026-03-05T12:00:00Z'"
        + " OR created_at >= '" + END + "'"), "all rows in the ten days before END");

    // the weekend's windows are quieter than any weekday's: at most 0.6 * 1.12 vs at least 0.88 of 300
    long saturday = DB.queryLong("SELECT count(*) FROM usage WHERE created_at >= '2026-03-07T12:00:00Z'"
        + " AND created_at < '2026-03-08T12:00:00Z'");
    long monday = DB.queryLong("SELECT count(*) FROM usage WHERE created_at >= '2026-03-09T12:00:00Z'"
        + " AND created_at < '2026-03-10T12:00:00Z'");
    assertTrue(saturday <= 202 && monday >= 264, saturday + " vs " + monday);

    List<String> lines = progress.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, lines.size(), "after 5 days and at the end: " + lines);
    assertTrue(lines.get(0).matches("serve --demo: filling demo data: [\\d,]+ of [\\d,]+ rows \\(\\d+%\\), about \\d+ s left"),
        lines.get(0));
    String total = String.format("%,d", planned);
    assertEquals("serve --demo: filling demo data: " + total + " of " + total + " rows (100%), about 0 s left", lines.get(1));
  }
}
