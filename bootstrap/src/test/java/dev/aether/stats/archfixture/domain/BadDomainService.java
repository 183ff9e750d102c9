package dev.aether.stats.archfixture.domain;

/** Fixture: a domain class that reaches for Vert.x (breaks domainDependsOnlyOnJava). */
public class BadDomainService {
  public Object start() {
    return io.vertx.core.Vertx.vertx();
  }
}
