package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated requests (seeded, so a failure replays): near-misses of the real paths, odd
 * methods, query strings and bodies that are malformed, huge, deep or not UTF-8, random headers. Whatever
 * comes in, the answer is fast, never a 5xx (but 503 while the database is down), a JSON error body for
 * every error, no stack trace, no token, and nothing under /api without the token.
 */
class FuzzTest {
  private static final long SEED = 20260315L;
  private static final int BATCH = Integer.getInteger("fuzz.batch", 16);
  private static final String[] REAL = {
      "/health", "/metrics", "/openapi.json", "/api/stats/combined", "/api/stats/today", "/api/stats/summary",
      "/api/stats/daily", "/api/stats/daily/models", "/api/stats/hourly", "/api/stats/hourly/models",
      "/api/stats/users/u1/daily", "/api/stats/rollup",
      "/api/stats/backfill", "/api/stats/runs", "/api/stats/runs/1", "/api/stats/leaderboard/users",
      "/api/stats/leaderboard/api-keys", "/api/stats/leaderboard/models", "/api/stats/leaderboard/providers",
      "/api/stats/latency", "/api/stats/errors", "/api/stats/efficiency", "/api/stats/series",
      "/api/stats/comparison"};
  /** The analytics endpoints' optional parameters and values they know, mixed with odd ones below. */
  private static final String[] CHOICES = {"metric", "by", "granularity", "against", "offset", "user_id", "model",
      "provider", "api_key_id"};
  private static final String[] CHOICE_VALUES = {"requests", "tokens", "cost", "errors", "all", "day", "model",
      "provider", "status_class", "hour", "week", "month", "previous", "year", "0", "5", "u1", "gpt-4o"};
  private static final String[] ODD = {
      "", "%00", "%zz", "%", "%C3%28", "%E2%82", "..", ".", "%2e%2e", "%2F", "ü", "%C3%BC", "日本", "%F0%9F%98%80",
      "😀", " ", "%20", "+", "\t", "'", "\"", "<script>", "{user_id}", ":id", "*", "?", "#", ";", "\\", "99999999999999999999999",
      "-1", "0", "1e9", "NaN", "null", "u1", "x".repeat(300), "a/b", "//", "\u0000", "\r\n", "%0d%0a"};

  @Test
  void randomRequestsOnAHealthyServer() {
    try (ApiFixture api = ApiFixture.start()) {
      March2026.seed(api.gateway);
      Map<Integer, Integer> statuses = run(api, new Random(SEED), 2_400, false);
      // the mix reached the interesting answers, not only 401s and 404s
      for (int status : new int[] {200, 202, 400, 401, 404, 405, 413, 415}) {
        assertTrue(statuses.getOrDefault(status, 0) > 0, "no " + status + " among " + statuses);
      }
    }
  }

  @Test
  void randomRequestsWhileTheDatabaseIsDown() {
    try (ApiFixture api = ApiFixture.start()) {
      March2026.seed(api.gateway);
      api.faults.mode(FaultyPorts.Mode.DOWN);
      Map<Integer, Integer> statuses = run(api, new Random(SEED + 1), 600, true);
      assertTrue(statuses.getOrDefault(503, 0) > 0, statuses::toString);
    }
  }

  @Test
  void rawRequestLinesAndHeadersTheClientWouldNotSend() throws Exception {
    try (ApiFixture api = ApiFixture.start()) {
      Random rnd = new Random(SEED + 2);
      NetClient net = api.vertx.createNetClient();
      try {
        for (int i = 0; i < 300; i++) {
          String request = rawRequest(rnd);
          String answer = raw(api, net, request);
          String what = request.replace("\r\n", "\\r\\n") + " -> " + answer;
          assertTrue(answer.startsWith("HTTP/1."), "no HTTP answer: " + what);
          int status = Integer.parseInt(answer.substring(9, 12));
          assertTrue(status < 500, what);
          assertTrue(!answer.contains("Exception") && !answer.contains("at io.") && !answer.contains("at dev."), what);
          if (status >= 400 && !request.startsWith("HEAD ")) {
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            JsonObject error = new JsonObject(body);
            assertTrue(error.getValue("error") instanceof String && error.getValue("message") instanceof String, what);
          }
        }
      } finally {
        net.close();
      }
    }
  }

  private static String rawRequest(Random rnd) {
    String method = pick(rnd, "GET", "POST", "get", "G\u00c9T", "", "GET GET", "\u0000", "DELETE", "HEAD", "X".repeat(100));
    String uri = pick(rnd, REAL) + pick(rnd, "", " ", "\t", "%", "?a b", "\u00fc", "\u0001", "?from=\u00ff&to=\u0000",
        "/../../..", "#x", "?from=2026-03-01&to=2026-03-02");
    // (a well-formed but unknown version such as HTTP/9.9 is answered by Vert.x itself: 501, empty body)
    String version = pick(rnd, "HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/1", "HTTP/", "FOO", "");
    StringBuilder sb = new StringBuilder(method + " " + uri + " " + version + "\r\nHost: x\r\nConnection: close\r\n");
    if (rnd.nextBoolean()) {
      sb.append("Authorization: Bearer ").append(ApiFixture.TOKEN).append("\r\n");
    }
    switch (rnd.nextInt(6)) {
      case 0 -> sb.append("no colon\r\n");
      case 1 -> sb.append(": empty name\r\n");
      case 2 -> sb.append("X-Ctl: a\u0001b\r\n");
      case 3 -> sb.append("X-Folded: a\r\n  continued\r\n");
      case 4 -> sb.append("Content-Length: abc\r\n");
      default -> sb.append("X-Unicode: \u00e9\u00e8\r\n");
    }
    return sb.append("\r\n").toString();
  }

  /** Writes the bytes as they are (ISO-8859-1) and reads until the server closes the connection. */
  private static String raw(ApiFixture api, NetClient net, String request) throws Exception {
    NetSocket socket = ApiFixture.await(net.connect(api.server.port(), "127.0.0.1"));
    CompletableFuture<String> answer = new CompletableFuture<>();
    Buffer received = Buffer.buffer();
    socket.handler(received::appendBuffer);
    socket.closeHandler(v -> answer.complete(received.toString(StandardCharsets.ISO_8859_1)));
    socket.write(Buffer.buffer(request.getBytes(StandardCharsets.ISO_8859_1)));
    try {
      return answer.get(5, TimeUnit.SECONDS);
    } finally {
      socket.close();
    }
  }

  private static List<Fuzzed> lastBatch = List.of();

  private static Map<Integer, Integer> run(ApiFixture api, Random rnd, int count, boolean databaseDown) {
    WebClient client = WebClient.create(api.vertx, new WebClientOptions().setDecompressionSupported(true),
        new PoolOptions().setHttp1MaxSize(BATCH));
    Map<Integer, Integer> statuses = new TreeMap<>();
    try {
      for (int done = 0; done < count; done += BATCH) {
        List<Fuzzed> previous = lastBatch;
        List<Fuzzed> batch = new ArrayList<>();
        lastBatch = batch;
        for (int i = 0; i < BATCH && done + i < count; i++) {
          batch.add(generate(rnd));
        }
        List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
        for (Fuzzed f : batch) {
          sent.add(send(client, api, f));
        }
        for (int i = 0; i < batch.size(); i++) {
          Fuzzed f = batch.get(i);
          HttpResponse<Buffer> r;
          try {
            r = sent.get(i).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
          } catch (Exception e) {
            fail("no answer (" + e + ") to " + f + "\nbatch:\n" + batch + "\nprevious:\n" + previous);
            return statuses;
          }
          check(f, r, databaseDown);
          statuses.merge(r.statusCode(), 1, Integer::sum);
        }
      }
    } finally {
      client.close();
    }
    assertEquals(count, statuses.values().stream().mapToInt(Integer::intValue).sum());
    return statuses;
  }

  private static void check(Fuzzed f, HttpResponse<Buffer> r, boolean databaseDown) {
    int status = r.statusCode();
    String body = r.body() == null ? "" : r.bodyAsString();
    String what = f + " -> " + status + " " + (body.length() > 300 ? body.substring(0, 300) : body);
    if (databaseDown) {
      assertTrue(status < 500 || status == 503, what);
    } else {
      assertTrue(status < 500, what);
    }
    assertTrue(!body.contains("Exception") && !body.contains("at dev.") && !body.contains("at io.")
        && !body.contains("\tat "), "stack trace in " + what);
    assertTrue(!body.contains(ApiFixture.TOKEN), "token echoed in " + what);
    if (status >= 400 && f.method != HttpMethod.HEAD) {
      String type = r.getHeader("content-type");
      assertTrue(type != null && type.startsWith("application/json"), "content type of " + what);
      JsonObject error;
      try {
        error = new JsonObject(body);
      } catch (RuntimeException e) {
        fail("not a JSON object: " + what);
        return;
      }
      assertTrue(error.getValue("error") instanceof String && error.getValue("message") instanceof String, what);
    }
    if (status >= 200 && status < 300 && !f.rightToken) {
      // without the token only the open endpoints may answer with content
      boolean open = body.startsWith("# HELP") || body.contains("\"openapi\"") || body.contains("\"database\"");
      assertTrue(open, "answered without the token: " + what);
    }
  }

  private static Future<HttpResponse<Buffer>> send(WebClient client, ApiFixture api, Fuzzed f) {
    HttpRequest<Buffer> request = client.request(f.method, api.server.port(), "127.0.0.1", f.uri)
        .timeout(ApiFixture.REQUEST_TIMEOUT_MS);
    f.headers.forEach(request::putHeader);
    return f.body == null ? request.send() : request.sendBuffer(f.body);
  }

  private record Fuzzed(HttpMethod method, String uri, Map<String, String> headers, Buffer body, boolean rightToken) {
    @Override
    public String toString() {
      String b = body == null ? "-" : body.toString(StandardCharsets.UTF_8);
      return method + " " + (uri.length() > 200 ? uri.substring(0, 200) + "..." : uri) + " " + headers.keySet()
          + " body=" + (b.length() > 120 ? b.substring(0, 120) + "...(" + b.length() + ")" : b);
    }
  }

  // ----- generation -----

  private static Fuzzed generate(Random rnd) {
    HttpMethod method = method(rnd);
    String path = path(rnd, method == HttpMethod.POST && rnd.nextBoolean()
        ? pick(rnd, "/api/stats/rollup", "/api/stats/backfill") : REAL[rnd.nextInt(REAL.length)]);
    // Whitespace and control characters cannot be in a request line at all (the client refuses to send
    // them); the raw-socket test below covers such lines.
    String uri = escapeControls(path + (rnd.nextBoolean() ? "" : query(rnd)));
    Map<String, String> headers = new LinkedHashMap<>();
    boolean rightToken = false;
    switch (rnd.nextInt(10)) {
      case 0, 1 -> { }
      case 2 -> headers.put("Authorization", "Bearer " + ApiFixture.TOKEN.substring(0, rnd.nextInt(ApiFixture.TOKEN.length())));
      case 3 -> headers.put("Authorization", pick(rnd, "Basic dXNlcjpwYXNz", "Bearer", "Token " + ApiFixture.TOKEN,
          "bearer  " + ApiFixture.TOKEN + " extra", asciiJunk(rnd, 40)));
      default -> {
        headers.put("Authorization", (rnd.nextBoolean() ? "Bearer " : "bearer ") + ApiFixture.TOKEN);
        rightToken = true;
      }
    }
    Buffer body = null;
    if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH || rnd.nextInt(8) == 0) {
      body = rnd.nextInt(4) == 0 ? validBody(path) : body(rnd);
      if (rnd.nextBoolean()) {
        headers.put("Content-Type", "application/json");
      } else if (rnd.nextInt(4) > 0) {
        headers.put("Content-Type", pick(rnd, "application/json", "application/json", "application/json; charset=utf-8",
            "APPLICATION/JSON", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=zz",
            "application/json; charset=iso-8859-1", "application/jsonx", ";", asciiJunk(rnd, 20)));
      }
    }
    for (int i = rnd.nextInt(3); i > 0; i--) {
      headers.put("X-Fuzz-" + i, asciiJunk(rnd, rnd.nextInt(4) == 0 ? 2_000 : 30));
    }
    if (rnd.nextInt(10) == 0) {
      headers.put("Accept", pick(rnd, "text/html", "application/xml", "*/*", "application/json;q=0"));
    }
    if (rnd.nextInt(20) == 0) {
      headers.put("Connection", "close");
    }
    return new Fuzzed(method, uri, headers, body, rightToken);
  }

  private static HttpMethod method(Random rnd) {
    int n = rnd.nextInt(20);
    if (n < 10) {
      return HttpMethod.GET;
    }
    if (n < 16) {
      return HttpMethod.POST;
    }
    return HttpMethod.valueOf(pick(rnd, "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "BREW", "get", "Post"));
  }

  /** The real path, or a near miss of it (one or two mutations). */
  private static String path(Random rnd, String base) {
    StringBuilder p = new StringBuilder(base);
    int mutations = rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(2);
    for (int i = 0; i < mutations; i++) {
      switch (rnd.nextInt(10)) {
        case 0 -> p.append('/');
        case 1 -> p.append('/').append(encode(rnd, pick(rnd, ODD)));
        case 2 -> flipCase(rnd, p);
        case 3 -> { if (p.length() > 1) p.deleteCharAt(1 + rnd.nextInt(p.length() - 1)); }
        case 4 -> p.insert(p.indexOf("/", 1) < 0 ? p.length() : p.indexOf("/", 1), "/");
        case 5 -> p.insert(0, pick(rnd, "/api/stats/..", "/health/..", "/./", "/api/./stats/.."));
        case 6 -> replaceSegment(rnd, p, encode(rnd, pick(rnd, ODD)));
        case 7 -> replaceSegment(rnd, p, percentEncodeAll(pick(rnd, "u1", "combined", "daily", "runs", "1")));
        case 8 -> p.append(pick(rnd, ".json", "%00", "~", "%2F..%2F", "/../../../etc/passwd"));
        default -> replaceSegment(rnd, p, randomUnicode(rnd, 1 + rnd.nextInt(12)));
      }
    }
    String s = p.toString();
    return s.startsWith("/") ? s : "/" + s;
  }

  private static String query(Random rnd) {
    switch (rnd.nextInt(6)) {
      case 0:
        return "";
      case 1:
        return "?from=" + date(rnd) + "&to=" + date(rnd) + (rnd.nextBoolean() ? "" : "&" + pick(rnd, CHOICES) + "="
            + encode(rnd, rnd.nextBoolean() ? pick(rnd, CHOICE_VALUES) : pick(rnd, ODD)));
      case 2:
        return "?limit=" + pick(rnd, "1", "20", "100", "0", "101", "-3", "abc", "1e2", "%31%30", "99999999999",
            "", "%EF%BC%95");
      case 3: {
        StringBuilder q = new StringBuilder("?");
        for (int i = rnd.nextInt(5); i >= 0; i--) {
          q.append(pick(rnd, "from", "to", "limit", "form", "", "x", "%zz", "f%00", "ü", "from[]"))
              .append(rnd.nextInt(5) == 0 ? "" : "=")
              .append(encode(rnd, rnd.nextBoolean() ? date(rnd) : pick(rnd, ODD)))
              .append(pick(rnd, "&", "&", "&&", ";", ""));
        }
        return q.toString();
      }
      case 4:
        return "?from=" + encode(rnd, "x".repeat(rnd.nextInt(3_000))) + "&to=2026-03-01";
      default:
        return "?" + pick(rnd, "%", "%%", "&", "=", "==&==", "from=%", "from=%G1", "to=%C3", "#frag", "?", "from=2026-03-01#x");
    }
  }

  private static String date(Random rnd) {
    return switch (rnd.nextInt(8)) {
      case 0 -> "2026-02-30";
      case 1 -> "2026-13-01";
      case 2 -> String.format("%04d-%02d-%02d", rnd.nextInt(10_000), rnd.nextInt(14), rnd.nextInt(33));
      case 3 -> pick(rnd, "", "2026-3-1", "20260301", "2026/03/01", "+2026-03-01", "-0001-01-01", "9999-12-31",
          "0000-01-01", "2026-03-01T00:00Z", "٢٠٢٦-٠٣-٠١", "2026-03-01 ");
      default -> "2026-03-" + String.format("%02d", 1 + rnd.nextInt(20));
    };
  }

  private static Buffer validBody(String path) {
    return Buffer.buffer(path.contains("rollup") ? "{\"from\":\"2026-03-13\",\"to\":\"2026-03-14\"}" : "{\"days\":7}");
  }

  private static Buffer body(Random rnd) {
    String s = switch (rnd.nextInt(16)) {
      case 0 -> "";
      case 1 -> "{\"from\":\"" + date(rnd) + "\",\"to\":\"" + date(rnd) + "\"}";
      case 2 -> "{\"days\":" + pick(rnd, "1", "30", "3650", "3651", "0", "-1", "1.5", "2.0", "1e400", "-1e400",
          "123456789012345678901234567890", "\"30\"", "null", "true", "[]", "{}", "0x10", "NaN", "Infinity") + "}";
      case 3 -> pick(rnd, "[]", "[1,2,3]", "null", "true", "42", "\"str\"", "{", "}", "{\"days\":}", "{'days':1}",
          "{\"days\":1,}", "{\"days\":1}{\"days\":2}", "{\"days\":1} x", "\u0000", "{\"\\ud800\":1}");
      case 4 -> "[".repeat(1 + rnd.nextInt(6_000)) + "]".repeat(rnd.nextInt(6_000));
      case 5 -> "{\"a\":".repeat(1 + rnd.nextInt(3_000)) + "1" + "}".repeat(rnd.nextInt(3_000));
      case 6 -> "{\"days\":3,\"" + randomUnicode(rnd, 8) + "\":1}";
      case 7 -> "{\"pad\":\"" + "x".repeat(15_000 + rnd.nextInt(10_000)) + "\"}";
      case 8 -> "{\"from\":" + rnd.nextLong() + ",\"to\":[\"2026-03-01\"]}";
      case 9 -> "{\"days\":" + "9".repeat(1 + rnd.nextInt(5_000)) + "}";
      case 10 -> "{\"from\":\"2026-03-13\",\"to\":\"2026-03-14\"}";
      case 11 -> "{\"days\":" + (1 + rnd.nextInt(40)) + "}";
      case 12 -> randomUnicode(rnd, 1 + rnd.nextInt(200));
      case 13 -> {
        byte[] bytes = new byte[1 + rnd.nextInt(300)];
        rnd.nextBytes(bytes);
        yield new String(bytes, StandardCharsets.ISO_8859_1);
      }
      case 14 -> "{\"days\":1,\"days\":2," + "\"k\":1,".repeat(rnd.nextInt(500)) + "\"z\":0}";
      default -> "{\"from\":\"2026-03-01\",\"to\":\"2026-03-01\",\"extra\":" + pick(rnd, "1", "null", "{}") + "}";
    };
    if (s.chars().anyMatch(c -> c > 0xff) || rnd.nextBoolean()) {
      return Buffer.buffer(s.getBytes(StandardCharsets.UTF_8));
    }
    return Buffer.buffer(s.getBytes(StandardCharsets.ISO_8859_1)); // raw bytes, often not valid UTF-8
  }

  // ----- helpers -----

  @SafeVarargs
  private static <T> T pick(Random rnd, T... options) {
    return options[rnd.nextInt(options.length)];
  }

  /** Leaves the text raw, or percent-encodes it (UTF-8), sometimes twice. */
  private static String encode(Random rnd, String s) {
    return switch (rnd.nextInt(4)) {
      case 0 -> s.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '#' && c != '?' && c != '%') ? s : percentEncodeAll(s);
      case 1 -> percentEncodeAll(percentEncodeAll(s));
      default -> percentEncodeAll(s);
    };
  }

  private static String escapeControls(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c <= 0x20 || c == 0x7f) {
        sb.append('%').append(String.format("%02X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String percentEncodeAll(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      sb.append('%').append(String.format("%02X", b & 0xff));
    }
    return sb.toString();
  }

  private static String randomUnicode(Random rnd, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int cp = switch (rnd.nextInt(5)) {
        case 0 -> 0x20 + rnd.nextInt(0x5f);
        case 1 -> 0xa0 + rnd.nextInt(0x700);
        case 2 -> 0x4e00 + rnd.nextInt(0x5000);
        case 3 -> 0x1f600 + rnd.nextInt(0x50);
        default -> rnd.nextInt(0x20);
      };
      sb.appendCodePoint(cp);
    }
    return percentEncodeAll(sb.toString());
  }

  private static String asciiJunk(Random rnd, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append((char) (0x21 + rnd.nextInt(0x5e)));
    }
    return sb.toString();
  }

  private static void flipCase(Random rnd, StringBuilder p) {
    int i = rnd.nextInt(p.length());
    char c = p.charAt(i);
    p.setCharAt(i, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
  }

  private static void replaceSegment(Random rnd, StringBuilder p, String replacement) {
    List<Integer> slashes = new ArrayList<>();
    for (int i = 0; i < p.length(); i++) {
      if (p.charAt(i) == '/') {
        slashes.add(i);
      }
    }
    int k = rnd.nextInt(slashes.size());
    int start = slashes.get(k) + 1;
    int end = k + 1 < slashes.size() ? slashes.get(k + 1) : p.length();
    p.replace(start, end, replacement);
  }
}
