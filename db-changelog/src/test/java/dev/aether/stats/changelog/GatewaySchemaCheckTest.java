package dev.aether.stats.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aether.stats.testsupport.FreshDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A gateway schema whose columns we cannot read is refused before anything in the database changes. */
class GatewaySchemaCheckTest {
  @RegisterExtension static final FreshDatabase RENAMED = FreshDatabase.unmigrated();
  @RegisterExtension static final FreshDatabase NO_CREATED_AT = FreshDatabase.unmigrated();

  @Test
  void aRenamedColumnIsRefusedInOneLineNamingItAndNothingChanges() throws Exception {
    RENAMED.execute(ReferenceSchema.sql(), "ALTER TABLE usage RENAME COLUMN provider TO provider_name");
    Map<String, String> before = columns(RENAMED);

    UnsupportedGatewaySchemaException e = assertThrows(UnsupportedGatewaySchemaException.class, () -> migrate(RENAMED));

    assertEquals("usage.provider is missing: this gateway schema is not supported (expected columns: usage(created_at,"
        + " user_id, api_key_id, request_id, first_byte_time_ms, provider, model, status, status_code, error_message, response_time_ms, input_tokens, output_tokens,"
        + " cache_creation_input_tokens, cache_read_input_tokens, input_cost_usd, output_cost_usd,"
        + " cache_creation_cost_usd, cache_read_cost_usd, total_cost_usd, actual_total_cost_usd))", e.getMessage());
    assertEquals(before, columns(RENAMED), "no column changed");
    assertEquals(0, RENAMED.queryLong("SELECT count(*) FROM pg_class WHERE relname LIKE 'databasechangelog%'"),
        "Liquibase never ran");
  }

  @Test
  void aMissingCreatedAtIsRefusedToo() throws Exception {
    NO_CREATED_AT.execute(ReferenceSchema.gatewayTablesSql(),
        "ALTER TABLE request_candidates DROP COLUMN created_at");

    UnsupportedGatewaySchemaException e =
        assertThrows(UnsupportedGatewaySchemaException.class, () -> migrate(NO_CREATED_AT));

    assertEquals("request_candidates.created_at is missing: this gateway schema is not supported (expected columns:"
        + " request_candidates(request_id, candidate_index, retry_index, status, created_at))", e.getMessage());
    assertEquals(0, NO_CREATED_AT.queryLong("SELECT count(*) FROM pg_class WHERE relname LIKE 'stats_%'"),
        "no stats table created");
  }

  private static Map<String, String> columns(FreshDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      return SchemaCatalog.columns(c, List.of("users", "api_keys", "usage", "request_candidates"));
    }
  }

  private static SchemaMigrator.Result migrate(FreshDatabase db) throws MigrationException {
    return SchemaMigrator.migrate(db.url().jdbcUrl(), db.url().user(), db.url().password());
  }
}
