package dev.aether.stats.adapters.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Request bodies: JSON objects with only known fields of the right types. Bodies are small commands, so
 * anything unexpected is rejected with a message naming it, rather than ignored.
 */
final class JsonBody {
  private JsonBody() {}

  /** Route handler: a POST body must be declared as (UTF-8) JSON. */
  static Handler<RoutingContext> requireJsonContentType() {
    return ctx -> {
      String type = ctx.request().getHeader("content-type");
      if (type == null || type.isBlank()) {
        throw ApiError.unsupportedMediaType("send the body as JSON with Content-Type: application/json");
      }
      String[] parts = type.split(";", -1);
      if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
        throw ApiError.unsupportedMediaType("the body must be application/json, not " + Text.quote(parts[0].strip()));
      }
      for (int i = 1; i < parts.length; i++) {
        String[] kv = parts[i].split("=", 2);
        if (kv[0].strip().equalsIgnoreCase("charset") && kv.length == 2
            && !kv[1].strip().replace("\"", "").equalsIgnoreCase("utf-8")) {
          throw ApiError.unsupportedMediaType("only UTF-8 JSON is accepted, not charset " + Text.quote(kv[1].strip()));
        }
      }
      ctx.next();
    };
  }

  /** The body as a JSON object having no field outside {@code known}. */
  static JsonObject object(RoutingContext ctx, Set<String> known) {
    Buffer buffer = ctx.body() == null ? null : ctx.body().buffer();
    if (buffer == null || buffer.length() == 0) {
      throw ApiError.badRequest("the request body must be a JSON object, got nothing");
    }
    Object value;
    try {
      value = Json.decodeValue(buffer);
    } catch (RuntimeException | StackOverflowError e) {
      // the parser's message quotes the input and the parser's internals: not for callers
      throw ApiError.badRequest("the request body is not valid JSON");
    }
    if (!(value instanceof JsonObject object)) {
      throw ApiError.badRequest("the request body must be a JSON object, got " + typeOf(value));
    }
    Set<String> unknown = new TreeSet<>(object.fieldNames());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw ApiError.badRequest("unknown field " + Text.quote(unknown.iterator().next())
          + "; known: " + String.join(", ", new TreeSet<>(known)));
    }
    return object;
  }

  static String requiredString(JsonObject body, String name) {
    Object v = required(body, name);
    if (!(v instanceof String s)) {
      throw ApiError.badRequest(name + " must be a string, got " + typeOf(v));
    }
    return s;
  }

  /** A whole number within [min, max]; 30.0 counts as whole (JSON has one number type). */
  static int requiredInt(JsonObject body, String name, int min, int max) {
    Object v = required(body, name);
    if (!(v instanceof Number n)) {
      throw ApiError.badRequest(name + " must be a whole number, got " + typeOf(v));
    }
    BigDecimal d = toBigDecimal(n);
    if (d == null) {
      throw ApiError.badRequest(name + " must be a whole number from " + min + " to " + max);
    }
    if (d.stripTrailingZeros().scale() > 0) {
      throw ApiError.badRequest(name + " must be a whole number, got " + Text.quote(n.toString()));
    }
    if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw ApiError.badRequest(name + " must be a whole number from " + min + " to " + max
          + ", got " + Text.quote(d.toPlainString().length() > 20 ? d.toString() : d.toPlainString()));
    }
    return d.intValueExact();
  }

  private static Object required(JsonObject body, String name) {
    if (!body.containsKey(name)) {
      throw ApiError.badRequest("field " + name + " is required");
    }
    Object v = body.getValue(name);
    if (v == null) {
      throw ApiError.badRequest(name + " must not be null");
    }
    return v;
  }

  /** Exact value of a parsed number, or null for infinities and NaN. */
  private static BigDecimal toBigDecimal(Number n) {
    if (n instanceof BigDecimal b) {
      return b;
    }
    if (n instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    return BigDecimal.valueOf(n.longValue());
  }

  private static String typeOf(Object v) {
    if (v == null) {
      return "null";
    } else if (v instanceof String) {
      return "a string";
    } else if (v instanceof Boolean) {
      return "a boolean";
    } else if (v instanceof Number) {
      return "a number";
    } else if (v instanceof JsonArray) {
      return "an array";
    } else if (v instanceof JsonObject) {
      return "an object";
    }
    return "a value of another kind";
  }
}
