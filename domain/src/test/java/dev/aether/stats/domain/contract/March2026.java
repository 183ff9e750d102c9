package dev.aether.stats.domain.contract;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import dev.aether.stats.domain.calendar.DayRange;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The contract's default calendar and its day boundaries, worked out by hand: Asia/Shanghai is UTC+8
 * all year (no DST), so business day D starts at (D - 1) 16:00 UTC. "Now" is 12:00 local on 2026-03-20.
 */
public final class March2026 {
  private March2026() {}

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** 2026-03-20 12:00 in Shanghai. */
  public static final Instant NOW = Instant.parse("2026-03-20T04:00:00Z");

  public static final LocalDate D15 = LocalDate.of(2026, 3, 15);
  public static final LocalDate D16 = LocalDate.of(2026, 3, 16);
  public static final LocalDate D17 = LocalDate.of(2026, 3, 17);
  public static final LocalDate D18 = LocalDate.of(2026, 3, 18);
  public static final LocalDate D19 = LocalDate.of(2026, 3, 19);
  /** Today. */
  public static final LocalDate D20 = LocalDate.of(2026, 3, 20);

  public static final Instant START_15 = Instant.parse("2026-03-14T16:00:00Z");
  public static final Instant START_16 = Instant.parse("2026-03-15T16:00:00Z");
  public static final Instant START_17 = Instant.parse("2026-03-16T16:00:00Z");
  public static final Instant START_18 = Instant.parse("2026-03-17T16:00:00Z");
  public static final Instant START_19 = Instant.parse("2026-03-18T16:00:00Z");
  public static final Instant START_20 = Instant.parse("2026-03-19T16:00:00Z");

  public static BusinessCalendar calendar() {
    return new BusinessCalendar(ZONE, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** Every day start of March 2026 in the contract's zone: what a summary refresh may count. */
  public static java.util.List<Instant> dayStarts() {
    return calendar().bounds(new DayRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))).bounds();
  }

  public static DayRange range(LocalDate first, LocalDate last) {
    return new DayRange(first, last);
  }
}
