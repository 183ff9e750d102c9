package dev.aether.stats.adapters.http;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The service's metrics, rendered by hand in the Prometheus text format 0.0.4 (no metrics library: a few
 * counters do not justify a dependency). Thread-safe: HTTP requests are recorded from event loops, rollup
 * runs and the newest materialized day from whatever thread the bootstrap's timer completes on.
 *
 * <p>Label values are bounded: routes are templates (or "unmatched"), methods a fixed set, run kinds and
 * outcomes come from code.
 */
public final class ApiMetrics {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  /** Latency bucket bounds in seconds: the admin API answers from memory or from one or two queries. */
  private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  private static final java.util.Set<String> METHODS =
      java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

  private final Clock clock;
  private final Map<HttpKey, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<RouteKey, Histogram> latencies = new ConcurrentHashMap<>();
  private final Map<RunKey, LongAdder> runs = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lastRunMillis = new ConcurrentHashMap<>();
  private final AtomicReference<Instant> newestMaterializedDay = new AtomicReference<>();
  private final AtomicReference<Instant> newestMaterializedHour = new AtomicReference<>();

  private record HttpKey(String method, String route, int status) {}

  private record RouteKey(String method, String route) {}

  private record RunKey(String kind, String outcome) {}

  private static final class Histogram {
    final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
    final DoubleAdder sum = new DoubleAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }

    void observe(double seconds) {
      int i = 0;
      while (i < BUCKETS.length && seconds > BUCKETS[i]) {
        i++;
      }
      counts[i].increment();
      sum.add(seconds);
    }
  }

  public ApiMetrics() {
    this(Clock.systemUTC());
  }

  /** {@code clock} gives "now" for the age of the newest materialized day. */
  public ApiMetrics(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * One finished rollup run (started by the timer, the CLI or this API).
   *
   * @param kind the run kind's wire name ("tick", "rollup", "backfill")
   * @param outcome e.g. "succeeded", "failed", "skipped"
   * @param millis how long it took
   */
  public void recordRun(String kind, String outcome, long millis) {
    String k = Objects.requireNonNull(kind, "kind");
    runs.computeIfAbsent(new RunKey(k, Objects.requireNonNull(outcome, "outcome")), x -> new LongAdder())
        .increment();
    lastRunMillis.computeIfAbsent(k, x -> new AtomicLong()).set(Math.max(0, millis));
  }

  /** The start instant of the newest materialized business day (the bootstrap reads it after each tick). */
  public void recordNewestMaterializedDay(Instant dayStart) {
    newestMaterializedDay.set(Objects.requireNonNull(dayStart, "dayStart"));
  }

  /** The start of the newest materialized UTC hour bucket (whoever maintains the buckets records it). */
  public void recordNewestMaterializedHour(Instant hourStart) {
    newestMaterializedHour.set(Objects.requireNonNull(hourStart, "hourStart"));
  }

  void recordHttp(String method, String route, int status, long nanos) {
    String m = METHODS.contains(method) ? method : "OTHER";
    requests.computeIfAbsent(new HttpKey(m, route, status), k -> new LongAdder()).increment();
    latencies.computeIfAbsent(new RouteKey(m, route), k -> new Histogram()).observe(nanos / 1e9);
  }

  /** The whole exposition, families in a fixed order, series sorted, so scrapes are comparable. */
  String render() {
    StringBuilder out = new StringBuilder(4096);

    family(out, "aether_stats_http_requests_total", "counter",
        "HTTP requests answered, by method, route template and status.");
    new TreeMap<>(keyed(requests, k -> labels("method", k.method(), "route", k.route(),
        "status", Integer.toString(k.status())))).forEach((labels, n) ->
        sample(out, "aether_stats_http_requests_total", labels, n.sum()));

    family(out, "aether_stats_http_request_duration_seconds", "histogram",
        "Time to answer HTTP requests, by method and route template.");
    new TreeMap<>(keyed(latencies, k -> labels("method", k.method(), "route", k.route()))).forEach((labels, h) -> {
      long cumulative = 0;
      for (int i = 0; i <= BUCKETS.length; i++) {
        cumulative += h.counts[i].sum();
        String le = i < BUCKETS.length ? number(BUCKETS[i]) : "+Inf";
        sample(out, "aether_stats_http_request_duration_seconds_bucket",
            labels.substring(0, labels.length() - 1) + ",le=\"" + le + "\"}", cumulative);
      }
      sample(out, "aether_stats_http_request_duration_seconds_sum", labels, h.sum.sum());
      sample(out, "aether_stats_http_request_duration_seconds_count", labels, cumulative);
    });

    family(out, "aether_stats_rollup_runs_total", "counter", "Finished rollup runs, by kind and outcome.");
    new TreeMap<>(keyed(runs, k -> labels("kind", k.kind(), "outcome", k.outcome()))).forEach((labels, n) ->
        sample(out, "aether_stats_rollup_runs_total", labels, n.sum()));

    family(out, "aether_stats_rollup_last_run_duration_seconds", "gauge",
        "Duration of the last finished rollup run of each kind.");
    new TreeMap<>(lastRunMillis).forEach((kind, ms) ->
        sample(out, "aether_stats_rollup_last_run_duration_seconds", labels("kind", kind), ms.get() / 1000.0));

    Instant newest = newestMaterializedDay.get();
    if (newest != null) {
      family(out, "aether_stats_newest_materialized_day_age_seconds", "gauge",
          "Seconds since the start of the newest materialized business day.");
      sample(out, "aether_stats_newest_materialized_day_age_seconds", "",
          Duration.between(newest, clock.instant()).toMillis() / 1000.0);
    }

    Instant newestHour = newestMaterializedHour.get();
    if (newestHour != null) {
      family(out, "aether_stats_newest_materialized_hour_age_seconds", "gauge",
          "Seconds since the start of the newest materialized UTC hour bucket.");
      sample(out, "aether_stats_newest_materialized_hour_age_seconds", "",
          Duration.between(newestHour, clock.instant()).toMillis() / 1000.0);
    }

    var runtime = ManagementFactory.getRuntimeMXBean();
    family(out, "process_uptime_seconds", "gauge", "Seconds since the process started.");
    sample(out, "process_uptime_seconds", "", runtime.getUptime() / 1000.0);
    family(out, "process_start_time_seconds", "gauge", "Start time of the process since the Unix epoch in seconds.");
    sample(out, "process_start_time_seconds", "", runtime.getStartTime() / 1000.0);
    return out.toString();
  }

  private static <K, V> Map<String, V> keyed(Map<K, V> map, java.util.function.Function<K, String> labels) {
    Map<String, V> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(labels.apply(k), v));
    return out;
  }

  private static void family(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(StringBuilder out, String name, String labels, double value) {
    out.append(name).append(labels).append(' ').append(number(value)).append('\n');
  }

  private static String labels(String... kv) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < kv.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(kv[i]).append("=\"").append(escape(kv[i + 1])).append('"');
    }
    return sb.append('}').toString();
  }

  /** Label value escaping of the text format: backslash, double quote and line feed. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    // plain decimal notation (no exponent), which every scraper parses
    return java.math.BigDecimal.valueOf(v).toPlainString();
  }
}
