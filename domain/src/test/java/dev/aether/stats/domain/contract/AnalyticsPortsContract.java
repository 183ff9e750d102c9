package dev.aether.stats.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayBounds;
import dev.aether.stats.domain.calendar.DayRange;
import dev.aether.stats.domain.fakes.AnalyticsPorts;
import dev.aether.stats.domain.fakes.GatewayData;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.domain.fakes.UsageRow;
import dev.aether.stats.domain.model.Breakdown;
import dev.aether.stats.domain.model.BreakdownFigures;
import dev.aether.stats.domain.model.BreakdownRow;
import dev.aether.stats.domain.model.HistogramBucket;
import dev.aether.stats.domain.model.LatencyDimension;
import dev.aether.stats.domain.model.LatencyMetric;
import dev.aether.stats.domain.model.Source;
import dev.aether.stats.domain.model.StatusClasses;
import dev.aether.stats.domain.model.UsageFilter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of the analytics ports (breakdowns, latency histograms, period figures), on
 * {@link AnalyticsScenario} with numbers worked out by hand; subclass once per implementation.
 */
public abstract class AnalyticsPortsContract {
  /** Ports and a data writer over one empty database. */
  public record Fixture(StatsPorts ports, AnalyticsPorts analytics, GatewayData data) {}

  protected abstract Fixture createFixture(BusinessCalendar calendar);

  protected void disposeFixture(Fixture fixture) {}

  private static final LocalDate D13 = LocalDate.of(2026, 3, 13);
  private static final LocalDate D14 = LocalDate.of(2026, 3, 14);
  private final BusinessCalendar calendar = AnalyticsScenario.calendar();
  private Fixture fx;

  @BeforeEach
  final void setUp() {
    fx = createFixture(calendar);
    AnalyticsScenario.seed(fx.data());
    Await.await(fx.ports().materializeDays().materialize(bounds()));
  }

  @AfterEach
  final void tearDown() {
    disposeFixture(fx);
  }

  private DayBounds bounds() {
    return calendar.bounds(new DayRange(D13, D14));
  }

  private List<BreakdownRow> stored(Breakdown b) {
    return sorted(Await.await(fx.analytics().breakdowns().stored(b, bounds())));
  }

  private List<BreakdownRow> live(Breakdown b) {
    return sorted(Await.await(fx.analytics().breakdowns().live(b, bounds())));
  }

  private static List<BreakdownRow> sorted(List<BreakdownRow> rows) {
    return rows.stream().sorted(Comparator.comparing(BreakdownRow::day).thenComparing(BreakdownRow::key)
        .thenComparing(r -> String.valueOf(r.subKey()))).toList();
  }

  private static BreakdownRow find(List<BreakdownRow> rows, LocalDate day, String key, String subKey) {
    return rows.stream().filter(r -> r.day().equals(day) && r.key().equals(key)
        && (subKey == null || subKey.equals(r.subKey()))).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + day + " " + key + " " + subKey + " in " + rows));
  }

  @Test
  void providerDaysCarryEveryFigure() {
    List<BreakdownRow> rows = stored(Breakdown.PROVIDER);
    // 03-13: anthropic (a2), openai (a1, a3); 03-14: anthropic (a4), azure (a5), openai (a6)
    assertEquals("2026-03-13 anthropic, 2026-03-13 openai, 2026-03-14 anthropic, 2026-03-14 azure, 2026-03-14 openai",
        rows.stream().map(r -> r.day() + " " + r.key()).collect(Collectors.joining(", ")));
    BreakdownRow openai = find(rows, D13, "openai", null);
    assertEquals(Source.MATERIALIZED, openai.source());
    BreakdownFigures f = openai.figures();
    assertEquals(2, f.totals().totalRequests());
    assertEquals(1, f.totals().errorRequests());            // a3: 429
    assertEquals(1, f.clientErrors());
    assertEquals(0, f.serviceErrors());
    assertEquals(110, f.totals().inputTokens());
    assertEquals(0, new BigDecimal("0.11").compareTo(f.totals().totalCost()), f.totals().totalCost()::toString);
    assertEquals(1050, f.totals().responseTimeSumMs());     // 1000 + 50
    assertEquals(2, f.totals().responseTimeCount());
    assertEquals(200, f.firstByteSumMs());
    assertEquals(1, f.firstByteCount());
    assertEquals(50, f.speedOutputTokens());                // a1 only: a3 failed
    assertEquals(800, f.speedGenerationMs());
    assertEquals(1, f.cacheHitRequests());
    assertEquals(new StatusClasses(1, 0, 1, 0, 0, 0, 0, 0), f.statusClasses());
    // a6: no status, an error message: a service error of class "none"
    BreakdownFigures openai14 = find(rows, D14, "openai", null).figures();
    assertEquals(1, openai14.serviceErrors());
    assertEquals(new StatusClasses(0, 0, 0, 0, 1, 0, 0, 1), openai14.statusClasses());
    assertEquals(new StatusClasses(0, 0, 0, 1, 0, 0, 0, 0), find(rows, D14, "azure", null).figures().statusClasses());
    assertSameFigures(rows, live(Breakdown.PROVIDER));
  }

  @Test
  void apiKeyModelProviderAndUserDays() {
    List<BreakdownRow> keys = stored(Breakdown.API_KEY);
    // a5 has no key; k1: a1, a3 on 03-13 and a6 on 03-14; k2: a2, a4
    assertEquals("2026-03-13 k1 key k1, 2026-03-13 k2 key k2, 2026-03-14 k1 key k1, 2026-03-14 k2 key k2",
        keys.stream().map(r -> r.day() + " " + r.key() + " " + r.name()).collect(Collectors.joining(", ")));
    assertEquals(1, find(keys, D14, "k1", null).figures().serviceErrors());
    assertEquals(StatusClasses.ZERO, find(keys, D13, "k1", null).figures().statusClasses());
    assertSameFigures(keys, live(Breakdown.API_KEY));

    List<BreakdownRow> mp = stored(Breakdown.MODEL_PROVIDER);
    assertEquals(5, mp.size());
    BreakdownFigures azure = find(mp, D14, "gpt-4o", "azure").figures();
    assertEquals(1, azure.totals().totalRequests());
    assertEquals(1, azure.serviceErrors());                 // 503
    BreakdownFigures claude = find(mp, D14, "claude", "anthropic").figures();
    assertEquals(250, claude.speedOutputTokens());
    assertEquals(3000, claude.speedGenerationMs());
    assertSameFigures(mp, live(Breakdown.MODEL_PROVIDER));

    List<BreakdownRow> users = stored(Breakdown.USER);
    BreakdownRow u2 = find(users, D14, "u2", null);
    assertEquals("u2", u2.name());
    assertEquals(1, u2.figures().totals().totalRequests());
    assertEquals(550, u2.figures().allTokens());
    BreakdownRow u1 = find(users, D14, "u1", null);
    assertEquals(2, u1.figures().totals().errorRequests());  // a5, a6
    assertEquals(2, live(Breakdown.USER).stream().filter(r -> r.day().equals(D14)).count());
  }

  @Test
  void storedSumsAddTheChosenDaysPerKey() {
    // by hand from the scenario: k1 = a1, a3 (03-13) + a6 (03-14); k2 = a2 + a4; a5 has no key
    List<BreakdownRow> keys = sums(Breakdown.API_KEY, Set.of(D13, D14));
    assertEquals("k1 2026-03-14 key k1 3 2 110 0.11, k2 2026-03-14 key k2 2 0 500 0.80", describeSums(keys));
    assertEquals("k1 2026-03-13 key k1 2 1 110 0.11, k2 2026-03-13 key k2 1 0 200 0.30",
        describeSums(sums(Breakdown.API_KEY, Set.of(D13))));
    List<BreakdownRow> providers = sums(Breakdown.PROVIDER, Set.of(D13, D14));
    assertEquals("anthropic 2026-03-14 null 2 0 500 0.80, azure 2026-03-14 null 1 1 0 0.00,"
        + " openai 2026-03-14 null 3 2 110 0.11", describeSums(providers));
    BreakdownFigures openai = find(providers, D14, "openai", null).figures();
    assertEquals(1, openai.clientErrors());                // a3: 429
    assertEquals(1, openai.serviceErrors());               // a6: a message without status
    assertEquals(2, openai.statusClasses().requests4xx() + openai.statusClasses().requestsNoStatus());
    assertEquals(200, openai.firstByteSumMs());           // a1 only
    List<BreakdownRow> models = sums(Breakdown.MODEL_PROVIDER, Set.of(D13, D14));
    assertEquals("claude 2026-03-14 null 2 0 500 0.80, gpt-4o 2026-03-14 null 1 1 0 0.00,"
        + " gpt-4o 2026-03-14 null 3 2 110 0.11", describeSums(models));
    assertEquals(350, find(models, D14, "claude", "anthropic").figures().speedOutputTokens()); // 100 + 250
    assertEquals("u1 2026-03-14 u1 4 3 110 0.11, u2 2026-03-14 u2 2 0 500 0.80",
        describeSums(sums(Breakdown.USER, Set.of(D13, D14))));
    // whatever the implementation, the sums are those of the stored days added up
    for (Breakdown b : Breakdown.values()) {
      assertSameFigures(sortedSums(BreakdownRow.sumPerKey(stored(b))), sums(b, Set.of(D13, D14)), false);
    }
  }

  private List<BreakdownRow> sums(Breakdown b, Set<LocalDate> only) {
    return sortedSums(Await.await(fx.analytics().breakdowns().storedSums(b, bounds(), only)));
  }

  private static List<BreakdownRow> sortedSums(List<BreakdownRow> rows) {
    return rows.stream().sorted(Comparator.comparing(BreakdownRow::key)
        .thenComparing(r -> String.valueOf(r.subKey()))).toList();
  }

  /** "key day name requests errors input-tokens cost" per row (cost to the cent). */
  private static String describeSums(List<BreakdownRow> rows) {
    return rows.stream().map(r -> r.key() + " " + r.day() + " " + r.name() + " " + r.figures().totals().totalRequests()
        + " " + r.figures().totals().errorRequests() + " " + r.figures().totals().inputTokens() + " "
        + r.figures().totals().totalCost().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString())
        .collect(Collectors.joining(", "));
  }

  @Test
  void histogramsHoldOneBucketPerValueOfCompletedRequests() {
    List<HistogramBucket> all = Await.await(fx.analytics().histograms().stored(LatencyDimension.ALL, bounds()));
    // 03-13: response 1000 (a1) and 2000 (a2), a3 failed; first bytes 200 and 500.
    // floor(ln(ms) / ln(1.02)): 1000 -> 348, 2000 -> 383, 200 -> 267, 500 -> 313; 03-14: a4 4000 -> 418, 1000 -> 348
    assertEquals(List.of(
            "2026-03-13 first_byte 267 1 200 200", "2026-03-13 first_byte 313 1 500 500",
            "2026-03-13 response 348 1 1000 1000", "2026-03-13 response 383 1 2000 2000",
            "2026-03-14 first_byte 348 1 1000 1000", "2026-03-14 response 418 1 4000 4000"),
        describe(all));
    assertEquals(describe(all), describe(Await.await(fx.analytics().histograms().live(LatencyDimension.ALL, bounds()))));
    List<HistogramBucket> models = Await.await(fx.analytics().histograms().stored(LatencyDimension.MODEL, bounds()));
    assertTrue(models.stream().allMatch(b -> b.key().equals("gpt-4o") || b.key().equals("claude")));
    assertEquals(List.of("2026-03-13 response 348 1 1000 1000"), describe(models.stream()
        .filter(b -> b.key().equals("gpt-4o")).filter(b -> b.metric() == LatencyMetric.RESPONSE).toList()));
    assertEquals(6, Await.await(fx.analytics().histograms().stored(LatencyDimension.PROVIDER, bounds())).size());
  }

  private static List<String> describe(List<HistogramBucket> buckets) {
    return buckets.stream().map(b -> b.day() + " " + b.metric().wireName() + " " + b.bucket() + " " + b.count() + " "
        + b.minMs() + " " + b.maxMs()).sorted().toList();
  }

  @Test
  void aRecomputedDayDropsItsVanishedKeys() {
    // a5 moves from azure to openai, and its response time from 100 ms to 0 ms (the bucket below 1 ms)
    UsageRow moved = UsageRow.of("a5", "u1", "gpt-4o", "openai", Instant.parse("2026-03-14T05:00:00Z"))
        .withUser("u1", null).withStatus("completed", 200).withResponseTime(0);
    fx.data().updateUsage(moved);
    assertTrue(stored(Breakdown.PROVIDER).stream().anyMatch(r -> r.key().equals("azure")), "stored before");
    Await.await(fx.ports().materializeDays().materialize(calendar.bounds(DayRange.of(D14))));
    assertTrue(stored(Breakdown.PROVIDER).stream().noneMatch(r -> r.key().equals("azure")));
    assertTrue(stored(Breakdown.MODEL_PROVIDER).stream().noneMatch(r -> "azure".equals(r.subKey())));
    List<HistogramBucket> providers = Await.await(fx.analytics().histograms().stored(LatencyDimension.PROVIDER,
        bounds()));
    assertTrue(providers.stream().noneMatch(b -> b.key().equals("azure")));
    assertEquals(1, providers.stream().filter(b -> b.bucket() == -1 && b.key().equals("openai")).count());
  }

  @Test
  void periodFiguresFollowTheFilter() {
    List<Instant> bounds = List.of(Instant.parse("2026-03-13T00:00:00Z"), Instant.parse("2026-03-13T02:00:00Z"),
        Instant.parse("2026-03-14T00:00:00Z"), Instant.parse("2026-03-16T00:00:00Z"));
    List<BreakdownFigures> gpt = Await.await(fx.analytics().periods().figures(bounds,
        new UsageFilter(null, "gpt-4o", null, null)));
    assertEquals(List.of(1L, 1L, 3L), gpt.stream().map(f -> f.totals().totalRequests()).toList()); // a1 | a3 | a5-a7
    List<BreakdownFigures> keyAndProvider = Await.await(fx.analytics().periods().figures(bounds,
        new UsageFilter("u1", null, "openai", "k1")));
    assertEquals(List.of(1L, 1L, 2L), keyAndProvider.stream().map(f -> f.totals().totalRequests()).toList());
    assertEquals(1, keyAndProvider.get(2).serviceErrors()); // a6
    List<BreakdownFigures> none = Await.await(fx.analytics().periods().figures(bounds, new UsageFilter("nobody", null,
        null, null)));
    assertEquals(3, none.size());
    assertTrue(none.stream().allMatch(f -> f.equals(BreakdownFigures.ZERO)));
  }

  /** Stored and live rows of the same days hold the same keys and figures (costs compared as numbers). */
  private static void assertSameFigures(List<BreakdownRow> stored, List<BreakdownRow> live) {
    assertSameFigures(stored, live, true);
  }

  /** Rows pairwise equal: day, keys, name, every figure (costs by value); {@code live}: the second are live. */
  private static void assertSameFigures(List<BreakdownRow> stored, List<BreakdownRow> other, boolean live) {
    assertEquals(stored.size(), other.size());
    for (int i = 0; i < stored.size(); i++) {
      BreakdownRow s = stored.get(i);
      BreakdownRow l = other.get(i);
      assertEquals(live ? Source.LIVE : Source.MATERIALIZED, l.source());
      assertEquals(s.day() + " " + s.key() + " " + s.subKey() + " " + s.name(),
          l.day() + " " + l.key() + " " + l.subKey() + " " + l.name());
      assertEquals(0, s.figures().totals().totalCost().compareTo(l.figures().totals().totalCost()));
      assertEquals(withoutCosts(s.figures()), withoutCosts(l.figures()), s.day() + " " + s.key());
    }
  }

  private static String withoutCosts(BreakdownFigures f) {
    var t = f.totals();
    return t.totalRequests() + " " + t.errorRequests() + " " + t.inputTokens() + " " + t.outputTokens() + " "
        + t.cacheCreationTokens() + " " + t.cacheReadTokens() + " " + t.responseTimeSumMs() + " "
        + t.responseTimeCount() + " " + f.clientErrors() + " " + f.serviceErrors() + " " + f.firstByteSumMs() + " "
        + f.firstByteCount() + " " + f.speedOutputTokens() + " " + f.speedGenerationMs() + " "
        + f.cacheHitRequests() + " " + f.statusClasses();
  }
}
