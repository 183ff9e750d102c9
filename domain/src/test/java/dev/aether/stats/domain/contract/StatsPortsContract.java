package dev.aether.stats.domain.contract;

import dev.aether.stats.domain.calendar.BusinessCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The behaviour every implementation of the domain's ports must have, on hand-built data with figures
 * worked out by hand (see {@link Scenario}). Subclass it once per implementation and say how to make a
 * fixture over an empty database; JUnit runs every test of the interfaces below.
 */
public abstract class StatsPortsContract
    implements MaterializeContract, ReadersContract, SummaryContract, RunLogContract, TickLeaseContract,
        UseCasesContract {

  private PortsFixture fixture;

  /**
   * Ports and a data writer over an empty database (source tables, stats tables, run log; lease free),
   * using {@code calendar} for whatever clock the implementation needs. May be called twice in a test;
   * the second call may reset what the first one wrote.
   */
  protected abstract PortsFixture createFixture(BusinessCalendar calendar);

  /** Frees what a fixture holds (connections, ...), after each test. */
  protected void disposeFixture(PortsFixture fixture) {}

  @BeforeEach
  final void setUpFixture() {
    fixture = createFixture(March2026.calendar());
  }

  @AfterEach
  final void tearDownFixture() {
    if (fixture != null) {
      disposeFixture(fixture);
    }
  }

  @Override
  public final PortsFixture fx() {
    return fixture;
  }

  @Override
  public final PortsFixture fixtureFor(BusinessCalendar calendar) {
    PortsFixture other = createFixture(calendar);
    disposeFixture(fixture);
    fixture = other;
    return other;
  }
}
