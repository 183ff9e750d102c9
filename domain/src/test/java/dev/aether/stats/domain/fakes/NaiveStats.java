package dev.aether.stats.domain.fakes;

import dev.aether.stats.domain.model.BreakdownFigures;
import dev.aether.stats.domain.model.StatusClasses;
import dev.aether.stats.domain.model.Totals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The semantics, written the slow obvious way over raw rows: the oracle behind {@link InMemoryGateway}.
 * Deliberately shares no code with the main sources.
 */
final class NaiveStats {
  private NaiveStats() {}

  static boolean inWindow(Instant t, Instant from, Instant to) {
    return (from == null || !t.isBefore(from)) && t.isBefore(to);
  }

  static boolean isError(UsageRow r) {
    return (r.statusCode() != null && r.statusCode() >= 400) || r.errorMessage() != null;
  }

  static boolean isUnsettled(UsageRow r) {
    return r.status().equals("pending") || r.status().equals("streaming");
  }

  /** Every field, NULL columns counting as zero, response times over the rows that have one. */
  static Totals totals(Collection<UsageRow> rows) {
    long total = 0, errors = 0, in = 0, out = 0, cc = 0, cr = 0, rtSum = 0, rtCount = 0;
    BigDecimal cost = BigDecimal.ZERO, actual = BigDecimal.ZERO, inCost = BigDecimal.ZERO,
        outCost = BigDecimal.ZERO, ccCost = BigDecimal.ZERO, crCost = BigDecimal.ZERO;
    for (UsageRow r : rows) {
      total++;
      if (isError(r)) {
        errors++;
      }
      in += n(r.inputTokens());
      out += n(r.outputTokens());
      cc += n(r.cacheCreationInputTokens());
      cr += n(r.cacheReadInputTokens());
      cost = cost.add(n(r.totalCostUsd()));
      actual = actual.add(n(r.actualTotalCostUsd()));
      inCost = inCost.add(n(r.inputCostUsd()));
      outCost = outCost.add(n(r.outputCostUsd()));
      ccCost = ccCost.add(n(r.cacheCreationCostUsd()));
      crCost = crCost.add(n(r.cacheReadCostUsd()));
      if (r.responseTimeMs() != null) {
        rtSum += r.responseTimeMs();
        rtCount++;
      }
    }
    return new Totals(total, errors, in, out, cc, cr, cost, actual, inCost, outCost, ccCost, crCost,
        rtSum, rtCount);
  }

  /** The breakdown figures of issue 11, each counted the plain way, row by row. */
  static BreakdownFigures breakdown(Collection<UsageRow> rows) {
    long client = 0, service = 0, fbSum = 0, fbCount = 0, spTok = 0, spMs = 0, hits = 0;
    long[] req = new long[5];
    long[] err = new long[5];
    for (UsageRow r : rows) {
      Integer code = r.statusCode();
      boolean error = isError(r);
      if (code != null && code >= 400 && code <= 499) {
        client++;
      } else if (error && (code == null || code >= 500)) {
        service++;
      }
      if (r.firstByteTimeMs() != null) {
        fbSum += r.firstByteTimeMs();
        fbCount++;
      }
      long fb = r.firstByteTimeMs() == null ? 0 : r.firstByteTimeMs();
      if (r.status().equals("completed") && n(r.outputTokens()) > 0 && r.responseTimeMs() != null
          && r.responseTimeMs() > fb) {
        spTok += n(r.outputTokens());
        spMs += r.responseTimeMs() - fb;
      }
      if (n(r.cacheReadInputTokens()) > 0) {
        hits++;
      }
      int cls = code == null ? 4 : code < 300 ? 0 : code < 400 ? 1 : code < 500 ? 2 : 3;
      req[cls]++;
      if (error) {
        err[cls]++;
      }
    }
    return new BreakdownFigures(totals(rows), client, service, fbSum, fbCount, spTok, spMs, hits,
        new StatusClasses(req[0], req[1], req[2], req[3], req[4], err[0], err[1], err[4]));
  }

  /** What stats_user_daily stores: requests, errors, tokens, total cost. */
  static Totals userFields(Totals t) {
    BigDecimal z = BigDecimal.ZERO;
    return new Totals(t.totalRequests(), t.errorRequests(), t.inputTokens(), t.outputTokens(),
        t.cacheCreationTokens(), t.cacheReadTokens(), t.totalCost(), z, z, z, z, z, 0, 0);
  }

  /** What stats_daily_model stores: requests, tokens, total cost, response time (no errors). */
  static Totals modelFields(Totals t) {
    BigDecimal z = BigDecimal.ZERO;
    return new Totals(t.totalRequests(), t.errorRequests(), t.inputTokens(), t.outputTokens(), t.cacheCreationTokens(),
        t.cacheReadTokens(), t.totalCost(), z, z, z, z, z, t.responseTimeSumMs(), t.responseTimeCount());
  }

  /** What stats_summary stores: requests, errors, tokens, total and actual cost. */
  static Totals summaryFields(Totals t) {
    BigDecimal z = BigDecimal.ZERO;
    return new Totals(t.totalRequests(), t.errorRequests(), t.inputTokens(), t.outputTokens(),
        t.cacheCreationTokens(), t.cacheReadTokens(), t.totalCost(), t.actualTotalCost(), z, z, z, z, 0, 0);
  }

  /** Requests with more than one executed attempt whose first executed attempt lies in [start, end). */
  static long fallbackCount(Collection<CandidateRow> candidates, Instant start, Instant end) {
    Map<String, Integer> executed = new HashMap<>();
    Map<String, Instant> firstExecuted = new HashMap<>();
    for (CandidateRow c : candidates) {
      if (c.executed()) {
        executed.merge(c.requestId(), 1, Integer::sum);
        firstExecuted.merge(c.requestId(), c.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    return executed.entrySet().stream()
        .filter(e -> e.getValue() > 1 && inWindow(firstExecuted.get(e.getKey()), start, end))
        .count();
  }

  static int distinct(List<UsageRow> rows, Function<UsageRow, String> column) {
    return (int) rows.stream().map(column).distinct().count();
  }

  private static long n(Integer v) {
    return v == null ? 0 : v;
  }

  private static BigDecimal n(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }
}
