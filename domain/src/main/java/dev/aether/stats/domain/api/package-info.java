/**
 * The inbound ports: what the outside (the HTTP API, the command line) may ask of the domain, as
 * interfaces of queries and commands, with the typed failures they answer with. Adapters depend on these,
 * never on the outbound ports ({@code domain.port}) the use cases are built on.
 */
package dev.aether.stats.domain.api;
