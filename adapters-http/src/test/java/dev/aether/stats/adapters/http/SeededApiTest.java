package dev.aether.stats.adapters.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh API on the hand-counted {@link March2026} data for each test (for tests that change state). */
abstract class SeededApiTest {
  protected ApiFixture api;

  @BeforeEach
  final void startSeededApi() {
    api = ApiFixture.start();
    March2026.seed(api.gateway);
  }

  @AfterEach
  final void stopSeededApi() {
    api.close();
  }
}
