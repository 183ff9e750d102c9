package dev.aether.stats.changelog;

/**
 * The gateway's tables exist but lack columns our SQL reads (a gateway version we do not support). Found
 * before Liquibase runs, so nothing in the database has changed; the message is the one line to show.
 */
public final class UnsupportedGatewaySchemaException extends MigrationException {
  public UnsupportedGatewaySchemaException(String message) {
    super(message, null);
  }
}
