package dev.aether.stats.adapters.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks each request's parameters against the contract (with vertx-openapi's parameter extraction and
 * the contract's JSON schemas, see {@link ParameterChecks}) before the endpoint's handler runs, and turns a {@link ValidatorException} into our 400 with a message that
 * names the parameter and why (worded from the parameter's schema: "limit must be a whole number from 1
 * to 100, got '0'"). Two checks the library does not make stay here: a query parameter the operation
 * does not declare, or one given twice, is refused too (a typo is an error, not a silent default).
 * Bodies (the two POSTs) are read by {@link JsonBody}, whose messages say which field and why.
 */
final class RequestValidation {
  private static final Pattern MISSING = Pattern.compile("required (\\w+) parameter (\\S+)$");
  private static final Pattern INVALID = Pattern.compile("The value of (\\w+) parameter (\\S+) is invalid");

  private final OpenAPIContract contract;
  private final Map<String, Operation> operations = new HashMap<>();

  RequestValidation(Vertx vertx, OpenAPIContract contract) {
    this.contract = contract;
    contract.operations().forEach(op -> operations.put(key(op.getHttpMethod(), op.getOpenAPIPath()), op));
  }

  /**
   * The validating handler of {@code method path} (OpenAPI syntax), or empty when the operation has no
   * parameter to check. Fails at start-up for a route the contract does not describe.
   */
  Optional<Handler<RoutingContext>> handler(HttpMethod method, String openApiPath) {
    Operation op = operations.get(key(method, openApiPath));
    if (op == null) {
      throw new IllegalStateException(method + " " + openApiPath + " is routed but not in openapi.json");
    }
    String[] query = op.getParameters().stream().filter(p -> p.getIn() == Location.QUERY).map(Parameter::getName)
        .toArray(String[]::new);
    if (op.getParameters().isEmpty() && op.getRequestBody() == null) {
      return Optional.of(ctx -> {
        QueryParams.of(ctx);
        ctx.next();
      });
    }
    if (op.getParameters().isEmpty()) {
      return Optional.empty(); // a POST with a body: JsonBody reads it
    }
    ParameterChecks checks = new ParameterChecks(contract, op);
    return Optional.of(ctx -> {
      QueryParams params = QueryParams.of(ctx, query);
      RequestUtils.extract(ctx.request(), op, () -> Future.succeededFuture(Buffer.buffer()))
          .compose(checks::check)
          .onComplete(ar -> {
            if (ar.succeeded()) {
              ctx.next();
            } else {
              UseCaseCalls.fail(ctx, ApiError.badRequest(message(ar.cause(), op, params, ctx)));
            }
          });
    });
  }

  /** The library's finding, worded like our other messages. */
  private static String message(Throwable failure, Operation op, QueryParams params, RoutingContext ctx) {
    if (!(failure instanceof ValidatorException e)) {
      return "malformed request: its parameters cannot be read";
    }
    if (e.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER) {
      Matcher m = MISSING.matcher(String.valueOf(e.getMessage()));
      return m.find() ? m.group(1) + " parameter " + m.group(2) + " is required" : "a required parameter is missing";
    }
    Matcher m = INVALID.matcher(String.valueOf(e.getMessage()));
    if (!m.find()) {
      return "invalid request: " + e.getMessage();
    }
    String in = m.group(1);
    String name = m.group(2);
    Parameter p = op.getParameters().stream()
        .filter(x -> x.getName().equals(name) && x.getIn().toString().equalsIgnoreCase(in)).findFirst().orElse(null);
    String raw = "path".equals(in) ? ctx.pathParam(name) : params.optional(name).orElse("");
    JsonObject schema = p == null ? new JsonObject() : p.getOpenAPIModel().getJsonObject("schema", new JsonObject());
    String label = schema.getString("title", name);
    return label + " must be " + expectation(schema, e) + ", got " + Text.quote(raw);
  }

  /** What the schema asks for, in words. */
  private static String expectation(JsonObject schema, ValidatorException e) {
    JsonArray values = schema.getJsonArray("enum");
    if (values != null) {
      return "one of " + values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    if ("integer".equals(schema.getString("type"))) {
      Number min = (Number) schema.getValue("minimum");
      Number max = (Number) schema.getValue("maximum");
      if (min != null && max != null) {
        return "a whole number from " + min + " to " + max;
      }
      return min != null && min.longValue() == 1 ? "a positive whole number" : "a whole number";
    }
    String reason = e instanceof SchemaValidationException s && s.getOutputUnit() != null
        && s.getOutputUnit().getErrors() != null && !s.getOutputUnit().getErrors().isEmpty()
        ? s.getOutputUnit().getErrors().get(0).getError() : e.getMessage();
    return "valid (" + reason + ")";
  }

  private static String key(HttpMethod method, String openApiPath) {
    return method.name() + " " + openApiPath;
  }

}
