package dev.aether.stats.adapters.http;

import dev.aether.stats.domain.calendar.DayRange;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Business days given by callers: strict YYYY-MM-DD, real calendar dates, bounded ranges. */
final class Dates {
  // ASCII digits only (\d is ASCII in Java unless asked otherwise); the year has exactly four digits.
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  private Dates() {}

  static LocalDate parse(String name, String raw) {
    Matcher m = ISO_DATE.matcher(raw);
    if (!m.matches()) {
      throw ApiError.badRequest(name + " must be a date as YYYY-MM-DD, got " + Text.quote(raw));
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (month < 1 || month > 12) {
      throw ApiError.badRequest(name + " " + raw + " is not a real date: there is no month " + month);
    }
    int length = YearMonth.of(year, month).lengthOfMonth();
    if (day < 1 || day > length) {
      throw ApiError.badRequest(name + " " + raw + " is not a real date: " + m.group(1) + "-" + m.group(2)
          + " has " + length + " days");
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw ApiError.badRequest(name + " " + raw + " is not a real date");
    }
  }

  /** from..to, both included: from must not be after to, and the range may hold at most {@code maxDays}. */
  static DayRange range(LocalDate from, LocalDate to, int maxDays) {
    if (to.isBefore(from)) {
      throw ApiError.badRequest("from (" + from + ") must not be after to (" + to + ")");
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > maxDays) {
      throw ApiError.badRequest("the range " + from + ".." + to + " holds " + days
          + " days; at most " + maxDays + " are allowed per request");
    }
    return new DayRange(from, to);
  }
}
