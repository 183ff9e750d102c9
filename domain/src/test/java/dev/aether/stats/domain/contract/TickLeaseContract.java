package dev.aether.stats.domain.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aether.stats.domain.port.TickLease;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** TickLease: one holder at a time, even within one process; free again once released. */
interface TickLeaseContract extends ContractCase {

  @Test
  default void theLeaseHasOneHolderAtATime() {
    Optional<TickLease.Held> first = await(ports().tickLease().tryAcquire());
    Optional<TickLease.Held> second = await(ports().tickLease().tryAcquire());

    assertTrue(first.isPresent(), "free lease acquired");
    assertTrue(second.isEmpty(), "held lease refused");
    await(first.get().release());
  }

  @Test
  default void aReleasedLeaseCanBeTakenAgain() {
    TickLease.Held held = await(ports().tickLease().tryAcquire()).orElseThrow();
    await(held.release());

    Optional<TickLease.Held> again = await(ports().tickLease().tryAcquire());

    assertTrue(again.isPresent());
    await(again.get().release());
  }
}
