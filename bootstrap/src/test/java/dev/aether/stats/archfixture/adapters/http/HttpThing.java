package dev.aether.stats.archfixture.adapters.http;

/** Fixture: an ordinary HTTP adapter class. */
public class HttpThing {}
