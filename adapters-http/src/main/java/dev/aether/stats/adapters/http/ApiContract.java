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

  /**
   * The parsed contract (Vert.x resolves and checks the document asynchronously). vertx-openapi 5.0 refuses
   * a document whose responses name a media type it cannot validate (text/csv among them); it validates
   * requests only here, so the CSV views of the list answers are left out of the copy it is given, and
   * stay in the document clients read.
   */
  static Future<OpenAPIContract> load(Vertx vertx, JsonObject document) {
    return OpenAPIContract.from(vertx, withoutCsvAnswers(document.copy()));
  }

  private static JsonObject withoutCsvAnswers(JsonObject document) {
    JsonObject paths = document.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject operations = paths.getJsonObject(path);
      for (String method : operations.fieldNames()) {
        JsonObject responses = operations.getJsonObject(method).getJsonObject("responses", new JsonObject());
        for (String status : responses.fieldNames()) {
          JsonObject content = responses.getJsonObject(status).getJsonObject("content");
          if (content != null) {
            content.remove("text/csv");
          }
        }
      }
    }
    return document;
  }
}
