package dev.aether.stats.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.json.JsonArray;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedRenderingTest {
  private final AtomicInteger views = new AtomicInteger();
  private final SharedRendering<List<Integer>> rendering = new SharedRendering<>(list -> {
    views.incrementAndGet();
    return new JsonArray(list);
  });

  @Test
  void theSameAnswerIsRenderedOnce() {
    List<Integer> shared = List.of(1, 2);
    SharedRendering.Rendered first = rendering.render(shared);
    assertSame(first, rendering.render(shared));
    assertEquals(1, views.get());
    assertEquals("[1,2]", first.json());
  }

  @Test
  void anotherAnswerIsRenderedAgainEvenWhenEqual() {
    rendering.render(List.of(1, 2));
    SharedRendering.Rendered other = rendering.render(List.of(3));
    assertEquals("[3]", other.json());
    rendering.render(List.of(3));
    assertEquals(3, views.get(), "answers are told apart by instance: an equal new one may hold newer figures");
  }
}
