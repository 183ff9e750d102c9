package dev.aether.stats.adapters.http;

import io.vertx.core.Future;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Style;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.transformer.FormTransformer;
import io.vertx.openapi.validation.transformer.LabelTransformer;
import io.vertx.openapi.validation.transformer.MatrixTransformer;
import io.vertx.openapi.validation.transformer.ParameterTransformer;
import io.vertx.openapi.validation.transformer.SimpleTransformer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One operation's parameter checks, prepared once at start-up: the same steps, transformers, schemas and
 * exceptions as vertx-openapi's {@code RequestValidator}, without its two per-request costs. That validator
 * builds a new schema validator for every parameter of every request (each one copies the contract's whole
 * schema map: a third of a 30-day daily request's CPU), and runs the checks with {@code executeBlocking} on
 * the request's context, so all requests of the event loop queue for one worker thread at a time. Here the
 * schema validators are built once and the checks run on the event loop: they are a few microseconds of CPU.
 */
final class ParameterChecks {
  private record Check(Parameter parameter, ParameterTransformer transformer, Validator schema) {}

  private final List<Check> checks;

  ParameterChecks(OpenAPIContract contract, Operation op) {
    if (op.getRequestBody() != null) {
      // bodies are read by JsonBody, whose messages say which field and why
      throw new IllegalStateException(op.getOperationId() + " has parameters and a body; only one is supported");
    }
    Map<Style, ParameterTransformer> transformers = new EnumMap<>(Style.class);
    transformers.put(Style.SIMPLE, new SimpleTransformer());
    transformers.put(Style.LABEL, new LabelTransformer());
    transformers.put(Style.MATRIX, new MatrixTransformer());
    transformers.put(Style.FORM, new FormTransformer());
    this.checks = op.getParameters().stream().map(p -> {
      ParameterTransformer transformer = transformers.get(p.getStyle());
      if (transformer == null) {
        throw new IllegalStateException(op.getOperationId() + ": parameter " + p.getName() + " has style "
            + p.getStyle() + ", which cannot be read");
      }
      return new Check(p, transformer, contract.getSchemaRepository().validator(p.getSchema()));
    }).toList();
  }

  /** Succeeds when every parameter is valid; else fails with the library's {@link ValidatorException}. */
  Future<Void> check(ValidatableRequest request) {
    try {
      for (Check c : checks) {
        check(c, valueOf(c.parameter(), request));
      }
      return Future.succeededFuture();
    } catch (ValidatorException e) {
      return Future.failedFuture(e);
    }
  }

  private static RequestParameter valueOf(Parameter p, ValidatableRequest request) {
    return switch (p.getIn()) {
      case COOKIE -> request.getCookies().get(p.getName());
      case HEADER -> request.getHeaders().get(p.getName());
      case PATH -> request.getPathParameters().get(p.getName());
      case QUERY -> request.getQuery().get(p.getName());
    };
  }

  private static void check(Check c, RequestParameter value) {
    Parameter p = c.parameter();
    if (value == null || value.isNull()) {
      if (p.isRequired()) {
        throw ValidatorException.createMissingRequiredParameter(p);
      }
      return;
    }
    Object transformed = c.transformer().transform(p, String.valueOf(value.get()));
    OutputUnit result = c.schema().validate(transformed);
    try {
      result.checkValidity();
    } catch (JsonSchemaValidationException e) {
      throw SchemaValidationException.createErrorFromOutputUnitType(p, result, e);
    }
  }
}
