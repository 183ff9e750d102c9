package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.calendar.HourRange;
import dev.aether.stats.domain.api.HourlyStatsQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The from/to of the hour reads: both business days (every UTC hour overlapping from..to, both
 * included) or both UTC instants (the hours starting in [from, to), from rounded down to its hour).
 */
final class HourRanges {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z");
  private static final Duration MAX = Duration.ofDays(HourlyStatsQuery.MAX_DAYS);

  private HourRanges() {}

  static HourRange parse(QueryParams params, HourlyStatsQuery queries) {
    String from = params.required("from");
    String to = params.required("to");
    if (DATE.matcher(from).matches() && DATE.matcher(to).matches()) {
      return queries.hoursOf(Dates.range(Dates.parse("from", from), Dates.parse("to", to), HourlyStatsQuery.MAX_DAYS));
    }
    if (!INSTANT.matcher(from).matches() || !INSTANT.matcher(to).matches()) {
      throw ApiError.badRequest("from and to must both be business days (YYYY-MM-DD) or both UTC instants"
          + " (YYYY-MM-DDTHH:MM:SSZ), got " + Text.quote(from) + " and " + Text.quote(to));
    }
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (!start.isBefore(end)) {
      throw ApiError.badRequest("from (" + from + ") must be before to (" + to + ")");
    }
    if (Duration.between(start, end).compareTo(MAX) > 0) {
      throw ApiError.badRequest("the range " + from + ".." + to + " is longer than " + HourlyStatsQuery.MAX_DAYS
          + " days, the most allowed per request");
    }
    return new HourRange(HourRange.floor(start), HourRange.ceil(end));
  }

  private static Instant instant(String name, String raw) {
    try {
      return DateTimeFormatter.ISO_INSTANT.parse(raw, Instant::from);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(name + " " + raw + " is not a real instant");
    }
  }
}
