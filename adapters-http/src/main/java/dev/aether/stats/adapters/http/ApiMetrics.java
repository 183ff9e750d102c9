package dev.aether.stats.adapters.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's own meters, in a Micrometer registry whose Prometheus rendering is GET /metrics. The same
 * registry holds the JVM and process meters ({@link #newRegistry}) and, in {@code serve}, Vert.x's HTTP
 * server and pool meters (the bootstrap hands it to Vert.x). Thread-safe: HTTP requests are recorded from
 * event loops, rollup runs and the newest materialized day from whatever thread the timer completes on.
 *
 * <p>Our meters keep the names and labels documented in the README (dashboards rely on them); label values
 * are bounded: routes are templates (or "unmatched"), methods a fixed set, run kinds and outcomes come from
 * code.
 */
public final class ApiMetrics {
  /** What {@link PrometheusMeterRegistry#scrape()} writes: the text format 0.0.4. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  /** Latency bucket bounds: the admin API answers from memory or from one or two queries. */
  private static final Duration[] BUCKETS = {
      Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};
  private static final Set<String> UNLINTABLE = Set.of("process.cpu.time", "system.cpu.count");
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

  private final PrometheusMeterRegistry registry;
  private final Clock clock;
  private final Map<String, AtomicLong> lastRunMillis = new ConcurrentHashMap<>();
  private final AtomicReference<Instant> newestMaterializedDay = new AtomicReference<>();
  private final AtomicReference<Instant> newestMaterializedHour = new AtomicReference<>();
  /**
   * The HTTP meters, looked up once per label set: building and registering a meter (its id, sorted tags,
   * the registry's lookup; the timer's bucket list) on every request cost more than recording it.
   */
  private final Map<List<String>, Counter> httpRequests = new ConcurrentHashMap<>();
  private final Map<List<String>, Timer> httpDurations = new ConcurrentHashMap<>();

  /** A Prometheus registry with the JVM's and the process's meters bound (process_uptime_seconds etc.). */
  @SuppressWarnings("resource") // the GC binder lives as long as the registry, i.e. the process
  public static PrometheusMeterRegistry newRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Two of the processor binder's meters fail `promtool check metrics` (process_cpu_time_ns_total: an
    // abbreviated unit; system_cpu_count: a gauge named like a histogram's _count); process_cpu_usage and
    // system_cpu_usage stay.
    registry.config().meterFilter(MeterFilter.deny(id -> UNLINTABLE.contains(id.getName())));
    new UptimeMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    return registry;
  }

  public ApiMetrics() {
    this(Clock.systemUTC());
  }

  /** {@code clock} gives "now" for the age of the newest materialized day. */
  public ApiMetrics(Clock clock) {
    this(newRegistry(), clock);
  }

  /** On a registry that others (Vert.x's metrics) write into as well. */
  public ApiMetrics(PrometheusMeterRegistry registry, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /**
   * One finished rollup run (started by the timer, the CLI or this API).
   *
   * @param kind the run kind's wire name ("tick", "rollup", "backfill")
   * @param outcome e.g. "succeeded", "failed", "skipped"
   * @param millis how long it took
   */
  public void recordRun(String kind, String outcome, long millis) {
    Objects.requireNonNull(kind, "kind");
    Counter.builder("aether.stats.rollup.runs").description("Finished rollup runs, by kind and outcome.")
        .tag("kind", kind).tag("outcome", Objects.requireNonNull(outcome, "outcome"))
        .register(registry).increment();
    lastRunMillis.computeIfAbsent(kind, k -> {
      AtomicLong ms = new AtomicLong();
      Gauge.builder("aether.stats.rollup.last.run.duration", ms, v -> v.get() / 1000.0)
          .description("Duration of the last finished rollup run of each kind.")
          .baseUnit("seconds").tag("kind", k).register(registry);
      return ms;
    }).set(Math.max(0, millis));
  }

  /** The start instant of the newest materialized business day (the bootstrap reads it after each tick). */
  public void recordNewestMaterializedDay(Instant dayStart) {
    Objects.requireNonNull(dayStart, "dayStart");
    if (newestMaterializedDay.getAndSet(dayStart) == null) {
      // registered on the first report only: until then the age is unknown, and shown as absent
      Gauge.builder("aether.stats.newest.materialized.day.age", newestMaterializedDay,
              ref -> Duration.between(ref.get(), clock.instant()).toMillis() / 1000.0)
          .description("Seconds since the start of the newest materialized business day.")
          .baseUnit("seconds").register(registry);
    }
  }

  /** The start of the newest materialized UTC hour bucket (whoever maintains the buckets records it). */
  public void recordNewestMaterializedHour(Instant hourStart) {
    Objects.requireNonNull(hourStart, "hourStart");
    if (newestMaterializedHour.getAndSet(hourStart) == null) {
      // as for the day: registered on the first report, absent until then
      Gauge.builder("aether.stats.newest.materialized.hour.age", newestMaterializedHour,
              ref -> Duration.between(ref.get(), clock.instant()).toMillis() / 1000.0)
          .description("Seconds since the start of the newest materialized UTC hour bucket.")
          .baseUnit("seconds").register(registry);
    }
  }

  void recordHttp(String method, String route, int status, long nanos) {
    String m = METHODS.contains(method) ? method : "OTHER";
    String code = Integer.toString(status);
    // registered outside the maps' locks (the registry has its own; registering again returns the same meter)
    List<String> requestsKey = List.of(m, route, code);
    Counter requests = httpRequests.get(requestsKey);
    if (requests == null) {
      requests = Counter.builder("aether.stats.http.requests")
          .description("HTTP requests answered, by method, route template and status.")
          .tag("method", m).tag("route", route).tag("status", code)
          .register(registry);
      httpRequests.putIfAbsent(requestsKey, requests);
    }
    requests.increment();
    List<String> durationKey = List.of(m, route);
    Timer duration = httpDurations.get(durationKey);
    if (duration == null) {
      duration = Timer.builder("aether.stats.http.request.duration")
          .description("Time to answer HTTP requests, by method and route template.")
          .serviceLevelObjectives(BUCKETS)
          .tag("method", m).tag("route", route)
          .register(registry);
      httpDurations.putIfAbsent(durationKey, duration);
    }
    duration.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The whole exposition in the Prometheus text format. */
  String render() {
    return registry.scrape();
  }
}
