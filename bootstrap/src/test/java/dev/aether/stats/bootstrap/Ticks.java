package dev.aether.stats.bootstrap;

import dev.aether.stats.bootstrap.commands.ServeCommand;
import dev.aether.stats.domain.usecase.TickResult;
import io.vertx.core.Future;

/** Drives a running service's rollup tick from a test. */
final class Ticks {
  private Ticks() {}

  /**
   * Stops the timer, waits for its running tick to finish, and runs one tick now (retrying while another
   * instance's tick holds the lease, which makes it skip).
   */
  static TickResult tickNow(ServeCommand.RunningService service) throws Exception {
    Future.fromCompletionStage(service.timer().stop()).await();
    for (int i = 0; i < 600; i++) {
      TickResult r = Future.fromCompletionStage(service.app().rollupTick().tick()).await();
      if (!r.skipped()) {
        return r;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("every tick was skipped for a minute");
  }
}
