package dev.aether.stats.adapters.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API's contract: the OpenAPI 3.1 document {@code openapi.json} in this module's resources, served at
 * GET /openapi.json and used by Vert.x (vertx-openapi) to validate every request's parameters. The one
 * value it cannot know, the configured range limit, is written into it where it says
 * {@value #MAX_RANGE_DAYS}.
 */
final class ApiContract {
  static final String MAX_RANGE_DAYS = "{{max_range_days}}";
  private static final String RESOURCE = "/openapi.json";

  private ApiContract() {}

  /** The document, with the range limit filled in. */
  static JsonObject document(int maxRangeDays) {
    try (InputStream in = ApiContract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new JsonObject(raw.replace(MAX_RANGE_DAYS, Integer.toString(maxRangeDays)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parsed contract (Vert.x resolves and checks the document asynchronously). */
  static Future<OpenAPIContract> load(Vertx vertx, JsonObject document) {
    return OpenAPIContract.from(vertx, document.copy());
  }
}
