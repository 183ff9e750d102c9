package dev.aether.stats.adapters.postgres;

import dev.aether.stats.domain.model.BreakdownFigures;
import dev.aether.stats.domain.model.UsageFilter;
import dev.aether.stats.domain.port.PeriodUsageReader;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Figures of the matching usage rows per period ([bounds[i], bounds[i+1])), in one statement. */
final class PgPeriodUsageReader implements PeriodUsageReader {
  private static final String QUERY = "SELECT " + DayRows.BUCKET + " AS i, " + UsageFigures.SELECT_LIST + ",\n  "
      + UsageFigures.BREAKDOWN_LIST + "\nFROM usage u WHERE " + DayRows.RANGE
      + " AND ($2::text IS NULL OR u.user_id = $2) AND ($3::text IS NULL OR u.model = $3)"
      + " AND ($4::text IS NULL OR u.provider = $4) AND ($5::text IS NULL OR u.api_key_id = $5)"
      + "\nGROUP BY 1";

  private final Pool pool;

  PgPeriodUsageReader(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<List<BreakdownFigures>> figures(List<Instant> bounds, UsageFilter f) {
    OffsetDateTime[] b = bounds.stream().map(Sql::ts).toArray(OffsetDateTime[]::new);
    Tuple args = Tuple.tuple().addArrayOfOffsetDateTime(b).addString(f.userId()).addString(f.model())
        .addString(f.provider()).addString(f.apiKeyId());
    return pool.preparedQuery(QUERY).execute(args)
        .map(rows -> {
          List<BreakdownFigures> out = new ArrayList<>(Collections.nCopies(bounds.size() - 1, BreakdownFigures.ZERO));
          for (Row r : rows) {
            out.set(DayRows.liveIndex(r), BreakdownRows.figures(r, true));
          }
          return out;
        })
        .toCompletionStage();
  }
}
