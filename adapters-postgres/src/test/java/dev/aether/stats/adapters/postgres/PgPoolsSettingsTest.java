package dev.aether.stats.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pool settings carry the database password: printing them must not show it. */
class PgPoolsSettingsTest {
  @Test
  void toStringHidesThePasswordAndTheDefaultStatementTimeoutApplies() {
    PgPools.Settings s = new PgPools.Settings("db.example", 5432, "gateway", "stats", "pw-7c6b5a4d", 8);
    assertFalse(s.toString().contains("pw-7c6b5a4d"), s.toString());
    assertTrue(s.toString().contains("stats:***@db.example:5432/gateway"), s.toString());
    assertEquals(PgPools.DEFAULT_STATEMENT_TIMEOUT, s.statementTimeout());
  }
}
