package dev.aether.stats.adapters.http;

import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Which view of a list answer the client asked for with its Accept header: JSON (the default, and the
 * answer to no Accept, to {@code *}{@code /*} and to a tie) or CSV ({@code text/csv}, or {@code text/*}).
 * Each view gets the weight of the most specific range that matches it, as RFC 9110 says; CSV wins only
 * with a higher weight, or the same weight from a more specific range ({@code text/csv, *}{@code /*}).
 * An Accept header that allows neither ({@code text/html}, {@code application/json;q=0}) gets 406.
 */
final class ContentNegotiation {
  private ContentNegotiation() {}

  /** The view of a list to answer with, or null when the Accept header allows neither (406). */
  static String listView(RoutingContext ctx) {
    List<MIMEHeader> accept = ctx.parsedHeaders().accept();
    if (accept == null || accept.isEmpty()) {
      return Responses.JSON;
    }
    Match json = match(accept, "application", "json");
    Match csv = match(accept, "text", "csv");
    if (json.weight() <= 0 && csv.weight() <= 0) {
      return null;
    }
    boolean csvWins = csv.weight() > json.weight()
        || (csv.weight() == json.weight() && csv.specificity() > json.specificity());
    return csvWins ? Csv.CONTENT_TYPE : Responses.JSON;
  }

  /** How much the client wants type/subtype: weight of the most specific range naming it (0 when none). */
  private record Match(float weight, int specificity) {}

  private static Match match(List<MIMEHeader> accept, String type, String subtype) {
    Match best = new Match(0, -1);
    for (MIMEHeader range : accept) {
      int specificity = specificity(range, type, subtype);
      if (specificity > best.specificity()) {
        best = new Match(range.weight(), specificity);
      }
    }
    return best;
  }

  /** 2 for type/subtype, 1 for type/*, 0 for *{@literal /}*, -1 when the range does not match. */
  private static int specificity(MIMEHeader range, String type, String subtype) {
    String t = range.component();
    String s = range.subComponent();
    if ("*".equals(t)) {
      return 0;
    }
    if (!type.equalsIgnoreCase(t)) {
      return -1;
    }
    if ("*".equals(s)) {
      return 1;
    }
    return subtype.equalsIgnoreCase(s) ? 2 : -1;
  }
}
