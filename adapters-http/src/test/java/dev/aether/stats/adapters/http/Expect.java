package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;

/** Compact assertions on JSON answers. */
final class Expect {
  private Expect() {}

  /** Each key has the value: numbers compared as numbers (costs within 1e-9), others exactly, null as JSON null. */
  static void fields(JsonObject o, Object... keyValues) {
    for (int i = 0; i < keyValues.length; i += 2) {
      String key = (String) keyValues[i];
      Object want = keyValues[i + 1];
      assertTrue(o.containsKey(key), "missing " + key + " in " + o);
      Object got = o.getValue(key);
      if (want instanceof Double d) {
        assertTrue(got instanceof Number, key + " is not a number in " + o);
        assertEquals(d, ((Number) got).doubleValue(), 1e-9, key + " in " + o);
      } else if (want instanceof Number n) {
        assertTrue(got instanceof Number, key + " is not a number in " + o);
        assertEquals(n.longValue(), ((Number) got).longValue(), key + " in " + o);
        assertEquals(0.0, ((Number) got).doubleValue() - ((Number) got).longValue(), key + " must be whole in " + o);
      } else {
        assertEquals(want, got, key + " in " + o);
      }
    }
  }

  /** A JSON error answer with this status, code and (part of a) message. */
  static void error(ApiFixture.Resp r, int status, String code, String messagePart) {
    assertEquals(status, r.status(), () -> "answer: " + r);
    assertTrue(r.header("content-type").startsWith("application/json"), () -> "content type of " + r);
    JsonObject body = r.json();
    assertEquals(code, body.getString("error"), () -> "answer: " + r);
    assertTrue(body.getString("message").contains(messagePart),
        () -> "message should contain \"" + messagePart + "\": " + r);
    assertEquals(2, body.size(), () -> "an error body has error and message only: " + r);
  }
}
