package dev.aether.stats.adapters.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's routes as registered on the router, remembered by path template so that the same table
 * answers 405 with an accurate Allow header, ends with the 404 fallback, and gives metrics a bounded
 * route label (the template, never the raw path).
 */
final class RouteTable {
  static final String UNMATCHED = "unmatched";
  private static final Pattern PARAM = Pattern.compile(":([A-Za-z][A-Za-z0-9_]*)");

  private final Router router;
  private final RequestValidation validation;
  private final Map<String, Template> templates = new LinkedHashMap<>();

  private record Template(String vertxPath, String openApiPath, Pattern pattern, Set<String> methods) {}

  RouteTable(Router router, RequestValidation validation) {
    this.router = router;
    this.validation = validation;
  }

  /**
   * Registers {@code method path} (Vert.x syntax, {@code :name} for a parameter); add handlers to the result.
   * Under /api the contract's validation of the parameters runs first (see {@link RequestValidation}).
   */
  Route add(HttpMethod method, String path) {
    templates.computeIfAbsent(path, p -> new Template(p, openApiPath(p), pattern(p), new TreeSet<>()))
        .methods().add(method.name());
    Route route = router.route(method, path);
    var check = validation.handler(method, openApiPath(path));
    if (path.startsWith("/api/")) {
      check.ifPresent(route::handler);
    }
    return route;
  }

  /**
   * After every endpoint: each known path answers other methods with 405 and its Allow list, and any other
   * path with 404. Errors go through the failure handler like every other error.
   */
  void finish() {
    for (Template t : templates.values()) {
      String allow = String.join(", ", t.methods());
      // the failure handler adds the Allow header (from allow(path)) to every 405
      router.route(t.vertxPath()).handler(ctx -> {
        throw new ApiError(405, "method_not_allowed",
            ctx.request().method().name() + " is not allowed on " + t.openApiPath() + "; allowed: " + allow);
      });
    }
    router.route().handler(ctx -> {
      throw ApiError.notFound("no such resource: " + Text.quote(ctx.request().path()));
    });
  }

  /** The template (OpenAPI syntax) whose pattern matches {@code path}, or {@value #UNMATCHED}. */
  String label(String path) {
    Template t = find(path);
    return t == null ? UNMATCHED : t.openApiPath();
  }

  /** The methods allowed on {@code path}, comma-separated, or null for an unknown path. */
  String allow(String path) {
    Template t = find(path);
    return t == null ? null : String.join(", ", t.methods());
  }

  private Template find(String path) {
    if (path == null) {
      return null;
    }
    for (Template t : templates.values()) {
      if (t.pattern().matcher(path).matches()) {
        return t;
      }
    }
    return null;
  }

  static String openApiPath(String vertxPath) {
    return PARAM.matcher(vertxPath).replaceAll("{$1}");
  }

  /** A template as a regex: parameters match one non-empty segment; one trailing slash is tolerated as Vert.x does. */
  private static Pattern pattern(String vertxPath) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PARAM.matcher(vertxPath);
    int last = 0;
    List<String> parts = new ArrayList<>();
    while (m.find()) {
      parts.add(Pattern.quote(vertxPath.substring(last, m.start())));
      parts.add("[^/]+");
      last = m.end();
    }
    parts.add(Pattern.quote(vertxPath.substring(last)));
    parts.forEach(regex::append);
    return Pattern.compile(regex + "/?");
  }
}
