package dev.aether.stats.bootstrap.observability;

import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.port.RunLog;
import dev.aether.stats.domain.run.RunKind;
import dev.aether.stats.domain.run.RunRecord;
import dev.aether.stats.domain.run.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every run, whoever starts it (a command, the timer, the HTTP API), ends in one structured log line:
 * {@code run=12 kind=tick status=succeeded range=2026-03-01..2026-03-02 days_written=2 days_skipped=0
 * rows_read=81234 duration_ms=412 owner=host:pid}; failures at WARNING with their cause.
 */
public final class LoggingRunLog implements RunLog {
  private static final Logger LOG = Logger.getLogger("dev.aether.stats.runs");

  private final RunLog delegate;

  public LoggingRunLog(RunLog delegate) {
    this.delegate = delegate;
  }

  @Override
  public CompletionStage<RunRecord> start(RunKind kind, DayRange range, String timeZone) {
    return delegate.start(kind, range, timeZone).whenComplete((run, error) -> {
      if (run != null) {
        LOG.fine(() -> "run=" + run.id() + " kind=" + kind.wireName() + " status=running range=" + range
            + " time_zone=" + timeZone);
      }
    });
  }

  @Override
  public CompletionStage<Void> progress(long runId, int daysWritten, int daysSkipped, long rowsRead) {
    return delegate.progress(runId, daysWritten, daysSkipped, rowsRead);
  }

  @Override
  public CompletionStage<RunRecord> finish(long runId, RunStatus status, String error) {
    return delegate.finish(runId, status, error).whenComplete((run, failure) -> {
      if (run != null) {
        LOG.log(status == RunStatus.SUCCEEDED ? Level.INFO : Level.WARNING, line(run));
      } else if (failure != null) {
        LOG.warning("run=" + runId + " status=" + status.wireName() + " not recorded: " + failure);
      }
    });
  }

  @Override
  public CompletionStage<Optional<RunRecord>> find(long runId) {
    return delegate.find(runId);
  }

  @Override
  public CompletionStage<List<RunRecord>> recent(int limit) {
    return delegate.recent(limit);
  }

  static String line(RunRecord r) {
    long ms = r.finishedAt() == null ? -1 : Duration.between(r.startedAt(), r.finishedAt()).toMillis();
    return "run=" + r.id() + " kind=" + r.kind().wireName() + " status=" + r.status().wireName()
        + " range=" + (r.range() == null ? "-" : r.range().toString()) + " time_zone=" + r.timeZone()
        + " days_written=" + r.daysWritten() + " days_skipped=" + r.daysSkipped() + " rows_read=" + r.rowsRead()
        + " duration_ms=" + ms + " owner=" + r.owner()
        + (r.error() == null ? "" : " error=\"" + r.error().replace('"', '\'') + "\"");
  }
}
