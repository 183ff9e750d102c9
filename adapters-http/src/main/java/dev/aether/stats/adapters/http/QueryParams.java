package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.calendar.DayRange;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query string of one request. {@link #of} checks it strictly (only the parameters the operation
 * declares, each at most once: a typo such as {@code ?form=} or {@code ?limt=} is an error rather than a
 * silent default); {@link RequestValidation} calls it with the contract's names before any handler runs,
 * so handlers only {@link #read} the values.
 */
final class QueryParams {
  private final Map<String, List<String>> params;

  private QueryParams(Map<String, List<String>> params) {
    this.params = params;
  }

  /** The decoded parameters, already checked by the contract's validation. */
  static QueryParams read(RoutingContext ctx) {
    return new QueryParams(decode(ctx));
  }

  private static Map<String, List<String>> decode(RoutingContext ctx) {
    try {
      // Decoded here rather than through ctx.queryParams(), so a malformed escape is a 400 we word ourselves.
      return new QueryStringDecoder(ctx.request().uri(), StandardCharsets.UTF_8).parameters();
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("malformed query string (bad percent-encoding)");
    }
  }

  static QueryParams of(RoutingContext ctx, String... known) {
    Map<String, List<String>> params = decode(ctx);
    Set<String> allowed = Set.of(known);
    Set<String> unknown = new TreeSet<>();
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        unknown.add(e.getKey());
      } else if (e.getValue().size() > 1) {
        throw ApiError.badRequest("query parameter " + e.getKey() + " is given more than once");
      }
    }
    if (!unknown.isEmpty()) {
      String first = unknown.iterator().next();
      throw ApiError.badRequest("unknown query parameter " + Text.quote(first)
          + (known.length == 0 ? "; this endpoint takes none" : "; known: " + String.join(", ", new TreeSet<>(allowed))));
    }
    return new QueryParams(params);
  }

  Optional<String> optional(String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  String required(String name) {
    return optional(name).orElseThrow(() -> ApiError.badRequest("query parameter " + name + " is required"));
  }

  /** The required from and to parameters, as a checked range. */
  DayRange dayRange(int maxDays) {
    String rawFrom = required("from");
    String rawTo = required("to");
    return Dates.range(Dates.parse("from", rawFrom), Dates.parse("to", rawTo), maxDays);
  }

  /** An optional whole number within [min, max]. */
  int intOrDefault(String name, int min, int max, int defaultValue) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    String s = raw.get();
    // at most 9 digits: parses as an int without overflow, and anything longer is out of range anyway
    if (!s.matches("[0-9]{1,9}") || Integer.parseInt(s) < min || Integer.parseInt(s) > max) {
      throw ApiError.badRequest(name + " must be a whole number from " + min + " to " + max + ", got " + Text.quote(s));
    }
    return Integer.parseInt(s);
  }
}
