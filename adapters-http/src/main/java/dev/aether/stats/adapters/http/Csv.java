package dev.aether.stats.adapters.http;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A list answer as CSV (RFC 4180), from the very JSON array the endpoint answers otherwise, so every list
 * endpoint has both views and they cannot drift: one header row with the objects' field names (in the
 * order they first appear), one record per object, numbers and booleans written as in JSON, null as an
 * empty field, text quoted when it holds a comma, a quote or a line break. Lines end with CRLF. An empty
 * list is an empty body (no object to take the field names from).
 */
final class Csv {
  static final String CONTENT_TYPE = "text/csv; charset=utf-8; header=present";

  private Csv() {}

  /** Whether {@code rows} is a table: every element an object (lists of the API always are). */
  static boolean fits(JsonArray rows) {
    for (Object row : rows) {
      if (!(row instanceof JsonObject)) {
        return false;
      }
    }
    return true;
  }

  /** The CSV text of {@code rows}, which {@link #fits}. */
  static String of(JsonArray rows) {
    Set<String> columns = new LinkedHashSet<>();
    for (Object row : rows) {
      columns.addAll(asObject(row).fieldNames());
    }
    if (columns.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(64 * (rows.size() + 1));
    line(out, columns.stream().map(Csv::text).toList());
    for (Object row : rows) {
      JsonObject o = asObject(row);
      line(out, columns.stream().map(c -> cell(o.getValue(c))).toList());
    }
    return out.toString();
  }

  private static JsonObject asObject(Object row) {
    if (row instanceof JsonObject o) {
      return o;
    }
    throw new IllegalStateException("a CSV answer needs an array of objects, got " + Json.encode(row));
  }

  private static void line(StringBuilder out, Iterable<String> cells) {
    out.append(String.join(",", cells)).append("\r\n");
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String s) {
      return text(s);
    }
    // numbers and booleans as JSON writes them (3, 0.36, 300.0, true); nested values as their JSON text
    return text(Json.encode(value));
  }

  private static String text(String s) {
    boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
