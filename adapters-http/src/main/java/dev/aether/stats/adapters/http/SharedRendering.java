package dev.aether.stats.adapters.http;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One route's view of the last answer it rendered, with the view's JSON text. The domain hands every reader
 * of one STATS_LIVE_CACHE period the same answer instance (its SharedAnswers); those readers then reuse its
 * view and text instead of building and encoding them again (the encoding was most of a 30-day daily's
 * remaining CPU). Another instance (a new period, another range) is rendered and replaces it.
 */
final class SharedRendering<T> {
  /** A view ({@link Responses#json} writes it) with its JSON text. */
  record Rendered(Object view, String json) {}

  private record Last(Object answer, Rendered rendered) {}

  private final Function<T, Object> view;
  private final AtomicReference<Last> last = new AtomicReference<>();

  SharedRendering(Function<T, Object> view) {
    this.view = Objects.requireNonNull(view, "view");
  }

  Rendered render(T answer) {
    Last l = last.get();
    if (l != null && l.answer() == answer) {
      return l.rendered();
    }
    Object body = view.apply(answer);
    Rendered rendered = new Rendered(body, body.toString());
    last.set(new Last(answer, rendered));
    return rendered;
  }
}
