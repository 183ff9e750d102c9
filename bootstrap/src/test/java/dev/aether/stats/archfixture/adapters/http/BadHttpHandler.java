package dev.aether.stats.archfixture.adapters.http;

import dev.aether.stats.archfixture.bootstrap.BootThing;

/** Fixture: the HTTP adapter using JDBC and bootstrap (breaks two rules). */
public class BadHttpHandler {
  public Object query(java.sql.Connection c, BootThing boot) throws java.sql.SQLException {
    return c.createStatement() + boot.toString();
  }
}
