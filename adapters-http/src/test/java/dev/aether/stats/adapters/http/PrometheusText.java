package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4, for tests: the Java client library has writers but
 * no parser, and tests must not depend on promtool being installed. It checks what promtool's parser does
 * (every line a HELP, a TYPE or a well-formed sample; one TYPE per family, before its samples; no series
 * twice; histogram buckets cumulative with +Inf equal to _count) and the lint rules of `promtool check
 * metrics` that our meters could break (HELP for every family, counters named _total, _count/_sum/_bucket
 * only on histograms, no camelCase, no abbreviated units), and keeps each series' value.
 */
final class PrometheusText {
  private static final Pattern SAMPLE = Pattern.compile(
      "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*})? "
          + "(-?[0-9.]+(?:[eE][-+]?[0-9]+)?|[+-]Inf|NaN)");
  private static final Pattern TYPE = Pattern.compile(
      "# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");
  private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*");
  /** promtool's unit abbreviations (lintUnitAbbreviations), as name segments. */
  private static final java.util.Set<String> ABBREVIATIONS =
      java.util.Set.of("s", "ms", "us", "ns", "sec", "b", "kb", "mb", "gb", "tb", "pb", "m", "h", "d");

  /** Series ({@code name{labels}} exactly as written) to value, in order of appearance. */
  final Map<String, Double> series = new LinkedHashMap<>();
  /** Family name to its type. */
  final Map<String, String> types = new HashMap<>();
  private final java.util.Set<String> helped = new java.util.HashSet<>();

  static PrometheusText parse(String text) {
    PrometheusText out = new PrometheusText();
    assertTrue(text.endsWith("\n"), "the exposition ends with a line feed");
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      Matcher type = TYPE.matcher(line);
      if (type.matches()) {
        assertNull(out.types.put(type.group(1), type.group(2)), "second TYPE for " + type.group(1));
        continue;
      }
      Matcher help = HELP.matcher(line);
      if (help.matches()) {
        out.helped.add(help.group(1));
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      assertTrue(sample.matches(), "not a valid line: " + line);
      String name = sample.group(1);
      assertNotNull(out.familyType(name), "sample before (or without) its family's TYPE: " + line);
      String key = name + (sample.group(2) == null ? "" : sample.group(2));
      assertNull(out.series.put(key, Double.parseDouble(sample.group(3).replace("Inf", "Infinity"))),
          "series written twice: " + key);
    }
    out.checkHistograms();
    out.lint();
    return out;
  }

  private void lint() {
    types.forEach((name, type) -> {
      assertTrue(helped.contains(name), "no HELP for " + name);
      assertTrue(name.equals(name.toLowerCase(java.util.Locale.ROOT)), "camelCase name " + name);
      if (type.equals("counter")) {
        assertTrue(name.endsWith("_total"), "a counter's name ends with _total: " + name);
      } else if (!type.equals("histogram") && !type.equals("summary")) {
        assertFalse(name.endsWith("_count") || name.endsWith("_sum") || name.endsWith("_bucket"),
            "reserved suffix on a " + type + ": " + name);
      }
      for (String segment : name.split("_")) {
        assertFalse(ABBREVIATIONS.contains(segment), "abbreviated unit '" + segment + "' in " + name);
      }
    });
  }

  /** The type of the family {@code sampleName} belongs to (histograms own _bucket, _sum and _count). */
  String familyType(String sampleName) {
    if (types.containsKey(sampleName)) {
      return types.get(sampleName);
    }
    for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
      if (sampleName.endsWith(suffix)) {
        String family = sampleName.substring(0, sampleName.length() - suffix.length());
        if ("histogram".equals(types.get(family)) || "summary".equals(types.get(family))) {
          return types.get(family);
        }
      }
    }
    return null;
  }

  /** The value of {@code series}, or null when it is absent. */
  Double value(String series) {
    return this.series.get(series);
  }

  private void checkHistograms() {
    Map<String, Double> lastBucket = new HashMap<>();
    series.forEach((key, value) -> {
      int brace = key.indexOf('{');
      String name = brace < 0 ? key : key.substring(0, brace);
      if (!name.endsWith("_bucket")) {
        return;
      }
      String labels = key.substring(brace).replaceAll(",?le=\"[^\"]*\"", "").replace("{,", "{");
      String group = name + labels;
      Double previous = lastBucket.put(group, value);
      assertTrue(previous == null || value >= previous, "buckets not cumulative at " + key);
      if (key.contains("le=\"+Inf\"")) {
        String family = name.substring(0, name.length() - "_bucket".length());
        assertEquals(value, series.get(family + "_count" + ("{}".equals(labels) ? "" : labels)),
            "+Inf bucket differs from _count for " + key);
      }
    });
  }
}
