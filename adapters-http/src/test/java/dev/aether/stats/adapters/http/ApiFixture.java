package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.fakes.MutableClock;
import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.fakes.HourPorts;
import dev.aether.stats.domain.fakes.InMemoryGateway;
import dev.aether.stats.domain.fakes.StatsPorts;
import dev.aether.stats.domain.api.CheckHealth;
import dev.aether.stats.domain.usecase.OneRunPerKind;
import dev.aether.stats.domain.usecase.RunHistory;
import dev.aether.stats.domain.usecase.HourlyQueries;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The API served on port 0 over the domain's in-memory gateway, with a client. The clock stands at
 * 2026-03-15T12:00:00Z unless a test moves it; ports can be switched to down or hanging.
 */
final class ApiFixture implements AutoCloseable {
  static final String TOKEN = "s3cret-admin-token-0123456789";
  static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
  /** Longer than any answer takes here; a request over it fails the test instead of hanging it. */
  static final long REQUEST_TIMEOUT_MS = 5_000;

  final Vertx vertx;
  final MutableClock clock = new MutableClock(NOW);
  final InMemoryGateway gateway = new InMemoryGateway(clock);
  final FaultyPorts faults = new FaultyPorts();
  final BusinessCalendar calendar;
  final ApiMetrics metrics = new ApiMetrics(clock);
  final AdminApi api;
  final AdminHttpServer server;
  final WebClient client;

  private ApiFixture(ZoneId zone, Duration databaseTimeout) {
    vertx = Vertx.vertx();
    calendar = new BusinessCalendar(zone, clock);
    StatsPorts ports = faults.wrap(gateway.ports());
    CheckHealth health = () -> faults.guard(() -> CompletableFuture.completedFuture(null));
    api = new AdminApi(new AdminApi.Dependencies(health, ports.queries(calendar),
        new OneRunPerKind(ports.rollupService(calendar, 7), ports.runLog()), new RunHistory(ports.runLog()),
        calendar, TOKEN, 366, metrics, databaseTimeout, hourlyQueries(),
        faults.wrap(gateway.analyticsPorts()).queries(ports, hourlyQueries(), calendar)));
    server = await(Future.fromCompletionStage(AdminHttpServer.start(vertx, "127.0.0.1", 0, api)));
    client = WebClient.create(vertx, new WebClientOptions().setDecompressionSupported(true).setKeepAlive(true));
  }

  /** The hour reads over the same gateway (hour buckets are written through gateway.hourPorts()). */
  HourlyQueries hourlyQueries() {
    HourPorts hours = gateway.hourPorts();
    return new HourlyQueries(hours.hourlyStats(), hours.modelHourlyStats(), calendar);
  }

  static ApiFixture start() {
    return new ApiFixture(ZoneId.of("UTC"), Duration.ofSeconds(2));
  }

  static ApiFixture start(ZoneId zone, Duration databaseTimeout) {
    return new ApiFixture(zone, databaseTimeout);
  }

  /** An answer: status, headers and body as text. */
  record Resp(int status, MultiMap headers, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }

    JsonArray array() {
      return new JsonArray(body);
    }

    String header(String name) {
      return headers.get(name);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  Resp get(String uri) {
    return send(HttpMethod.GET, uri, Map.of("Authorization", "Bearer " + TOKEN), null);
  }

  Resp getOpen(String uri) {
    return send(HttpMethod.GET, uri, Map.of(), null);
  }

  Resp postJson(String uri, String body) {
    return send(HttpMethod.POST, uri, Map.of("Authorization", "Bearer " + TOKEN, "Content-Type", "application/json"),
        Buffer.buffer(body));
  }

  Resp send(HttpMethod method, String uri, Map<String, String> headers, Buffer body) {
    HttpRequest<Buffer> request = client.request(method, server.port(), "127.0.0.1", uri)
        .timeout(REQUEST_TIMEOUT_MS);
    headers.forEach(request::putHeader);
    Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendBuffer(body);
    HttpResponse<Buffer> r = await(sent);
    return new Resp(r.statusCode(), r.headers(), r.body() == null ? "" : r.bodyAsString());
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(REQUEST_TIMEOUT_MS * 2, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("no answer: " + e, e);
    }
  }

  @Override
  public void close() {
    client.close();
    try {
      server.close().toCompletableFuture().get(5, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("could not stop the server", e);
    }
  }
}
