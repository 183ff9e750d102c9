package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The CSV view of a JSON list: RFC 4180 quoting, JSON's numbers, a header from the field names. */
class CsvTest {
  @Test
  void headerThenOneRecordPerObjectWithCrlf() {
    JsonArray rows = new JsonArray()
        .add(new JsonObject().put("date", "2026-03-13").put("total_requests", 3L).put("total_cost", 0.36)
            .put("avg_response_time_ms", 300.0).put("ok", true))
        .add(new JsonObject().put("date", "2026-03-14").put("total_requests", 1L).put("total_cost", 1.5)
            .put("avg_response_time_ms", 0.0).put("ok", false));
    assertEquals("date,total_requests,total_cost,avg_response_time_ms,ok\r\n"
        + "2026-03-13,3,0.36,300.0,true\r\n"
        + "2026-03-14,1,1.5,0.0,false\r\n", Csv.of(rows));
  }

  @Test
  void textWithCommasQuotesOrLineBreaksIsQuotedAndNullIsEmpty() {
    JsonArray rows = new JsonArray().add(new JsonObject()
        .put("id", 7L).put("error", "timeout, then \"reset\"").put("owner", "a\nb").put("finished_at", null)
        .put("plain", "no quoting needed"));
    assertEquals("id,error,owner,finished_at,plain\r\n"
        + "7,\"timeout, then \"\"reset\"\"\",\"a\nb\",,no quoting needed\r\n", Csv.of(rows));
  }

  @Test
  void fieldsMissingFromSomeObjectsGetEmptyCellsAndJoinTheHeaderInOrderOfAppearance() {
    JsonArray rows = new JsonArray()
        .add(new JsonObject().put("a", 1L))
        .add(new JsonObject().put("b", "x").put("a", 2L));
    assertEquals("a,b\r\n1,\r\n2,x\r\n", Csv.of(rows));
  }

  @Test
  void anEmptyListIsAnEmptyBodyAndOnlyArraysOfObjectsFit() {
    assertEquals("", Csv.of(new JsonArray()));
    assertTrue(Csv.fits(new JsonArray()));
    assertFalse(Csv.fits(new JsonArray().add(1).add(new JsonObject())));
  }
}
