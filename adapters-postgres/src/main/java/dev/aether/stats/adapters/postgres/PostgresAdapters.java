package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.port.BreakdownReader;
import dev.aether.stats.domain.port.DailyStatsReader;
import dev.aether.stats.domain.port.FindChangedHours;
import dev.aether.stats.domain.port.HourlyStatsReader;
import dev.aether.stats.domain.port.HourBucketState;
import dev.aether.stats.domain.port.LatencyHistogramReader;
import dev.aether.stats.domain.port.LoadLiveTotals;
import dev.aether.stats.domain.port.LoadRollupState;
import dev.aether.stats.domain.port.LoadSummary;
import dev.aether.stats.domain.port.LoadUserCounts;
import dev.aether.stats.domain.port.MaterializeDays;
import dev.aether.stats.domain.port.MaterializeHours;
import dev.aether.stats.domain.port.ModelDailyStatsReader;
import dev.aether.stats.domain.port.ModelHourlyStatsReader;
import dev.aether.stats.domain.port.PeriodUsageReader;
import dev.aether.stats.domain.port.PingDatabase;
import dev.aether.stats.domain.port.RefreshSummary;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.port.StoredDayState;
import dev.aether.stats.domain.port.TickLease;
import dev.aether.stats.domain.port.UserDailyStatsReader;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.net.InetAddress;
import java.util.concurrent.CompletionStage;

/**
 * Owns the connection pool and hands out the port implementations built on it, so that nothing outside
 * this module sees a Vert.x SQL type.
 */
public final class PostgresAdapters {
  private final Pool pool;
  private final Leases leases;
  private final String owner;

  private PostgresAdapters(Pool pool, Leases leases) {
    this.pool = pool;
    this.leases = leases;
    this.owner = processName();
  }

  public static PostgresAdapters open(Vertx vertx, PgPools.Settings settings) {
    return new PostgresAdapters(PgPools.create(vertx, settings), () -> PgPools.dedicated(vertx, settings));
  }

  /** Opens a connection of its own for an advisory-lock lease (see {@link PgPools#dedicated}). */
  @FunctionalInterface
  interface Leases {
    io.vertx.core.Future<io.vertx.sqlclient.SqlConnection> open();
  }

  public PingDatabase pingDatabase() {
    return new PgPingDatabase(pool);
  }

  public MaterializeDays materializeDays() {
    return new PgMaterializeDays(pool);
  }

  public RefreshSummary refreshSummary() {
    return new PgRefreshSummary(pool);
  }

  public LoadSummary loadSummary() {
    return new PgLoadSummary(pool);
  }

  public LoadLiveTotals loadLiveTotals() {
    return new PgLoadLiveTotals(pool);
  }

  public LoadUserCounts loadUserCounts() {
    return new PgLoadUserCounts(pool);
  }

  public LoadRollupState loadRollupState() {
    return new PgLoadRollupState(pool);
  }

  public DailyStatsReader dailyStatsReader() {
    return new PgDailyStatsReader(pool);
  }

  public UserDailyStatsReader userDailyStatsReader() {
    return new PgUserDailyStatsReader(pool);
  }

  public ModelDailyStatsReader modelDailyStatsReader() {
    return new PgModelDailyStatsReader(pool);
  }

  public MaterializeHours materializeHours() {
    return new PgMaterializeHours(pool);
  }

  public HourlyStatsReader hourlyStatsReader() {
    return new PgHourlyStatsReader(pool);
  }

  /** The same reader choosing the grouped fallback count above {@code lookupAttempts} (tests compare both). */
  HourlyStatsReader hourlyStatsReader(int lookupAttempts) {
    return new PgHourlyStatsReader(pool, lookupAttempts);
  }

  public ModelHourlyStatsReader modelHourlyStatsReader() {
    return new PgModelHourlyStatsReader(pool);
  }

  public FindChangedHours findChangedHours() {
    return new PgFindChangedHours(pool);
  }

  public BreakdownReader breakdownReader() {
    return new PgBreakdownReader(pool);
  }

  public LatencyHistogramReader latencyHistogramReader() {
    return new PgLatencyHistogramReader(pool);
  }

  public HourBucketState hourBucketState() {
    return new PgHourBucketState(pool);
  }

  public StoredDayState storedDayState() {
    return new PgStoredDayState(pool);
  }

  public PeriodUsageReader periodUsageReader() {
    return new PgPeriodUsageReader(pool);
  }

  public RunLog runLog() {
    return new PgRunLog(pool, leases, owner);
  }

  public TickLease tickLease() {
    return new PgTickLease(leases);
  }

  public DemoTraffic demoTraffic() {
    return new DemoTraffic(pool);
  }

  /** Closes every connection; call before closing Vert.x (one after the other: closing both in one composed future hangs). */
  public CompletionStage<Void> close() {
    return pool.close().toCompletionStage();
  }

  /** host:pid, recorded with each run so an operator can tell which instance ran it. */
  private static String processName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "unknown-host";
    }
    return host + ":" + ProcessHandle.current().pid();
  }
}
