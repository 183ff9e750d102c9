package dev.aether.stats.domain.fakes;

import dev.aether.stats.domain.port.DailyStatsReader;
import dev.aether.stats.domain.port.LoadLiveTotals;
import dev.aether.stats.domain.port.LoadRollupState;
import dev.aether.stats.domain.port.LoadSummary;
import dev.aether.stats.domain.port.LoadUserCounts;
import dev.aether.stats.domain.port.MaterializeDays;
import dev.aether.stats.domain.port.ModelDailyStatsReader;
import dev.aether.stats.domain.port.RefreshSummary;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.port.TickLease;
import dev.aether.stats.domain.port.UserDailyStatsReader;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.usecase.RollupService;
import dev.aether.stats.domain.usecase.StatsQueries;
import java.util.Objects;

/**
 * Every port of the domain, as one implementation provides them. A bundle, because one class cannot
 * implement them all directly (several share a method name and parameters with different result types).
 */
public record StatsPorts(
    MaterializeDays materializeDays,
    RefreshSummary refreshSummary,
    LoadSummary loadSummary,
    LoadLiveTotals loadLiveTotals,
    LoadUserCounts loadUserCounts,
    DailyStatsReader dailyStats,
    UserDailyStatsReader userDailyStats,
    ModelDailyStatsReader modelDailyStats,
    LoadRollupState loadRollupState,
    RunLog runLog,
    TickLease tickLease) {

  public StatsPorts {
    Objects.requireNonNull(materializeDays, "materializeDays");
    Objects.requireNonNull(refreshSummary, "refreshSummary");
    Objects.requireNonNull(loadSummary, "loadSummary");
    Objects.requireNonNull(loadLiveTotals, "loadLiveTotals");
    Objects.requireNonNull(loadUserCounts, "loadUserCounts");
    Objects.requireNonNull(dailyStats, "dailyStats");
    Objects.requireNonNull(userDailyStats, "userDailyStats");
    Objects.requireNonNull(modelDailyStats, "modelDailyStats");
    Objects.requireNonNull(loadRollupState, "loadRollupState");
    Objects.requireNonNull(runLog, "runLog");
    Objects.requireNonNull(tickLease, "tickLease");
  }

  public StatsQueries queries(BusinessCalendar calendar) {
    return new StatsQueries(loadSummary, loadLiveTotals, loadUserCounts, dailyStats, userDailyStats,
        modelDailyStats, calendar);
  }

  public RollupService rollupService(BusinessCalendar calendar, int batchDays) {
    return new RollupService(materializeDays, refreshSummary, runLog, loadRollupState, calendar, batchDays);
  }
}
