package dev.aether.stats.archfixture.adapters.postgres;

import dev.aether.stats.archfixture.adapters.http.HttpThing;

/** Fixture: the PostgreSQL adapter calling the HTTP adapter (breaks postgresAdapterIsIndependent). */
public class BadPgRepository {
  public String describe(HttpThing thing) {
    return thing.toString();
  }
}
