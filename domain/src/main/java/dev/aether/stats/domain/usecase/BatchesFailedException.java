package dev.aether.stats.domain.usecase;

/**
 * Some batches of a run failed (the others committed). The message names how many and the first cause,
 * which is also this exception's cause; the run log records the message.
 */
public final class BatchesFailedException extends RuntimeException {
  private final int failed;
  private final int total;

  BatchesFailedException(int failed, int total, Throwable first) {
    super((total == 1 ? "the batch failed: " : failed + " of " + total + " batches failed; first: ")
        + Stages.messageOf(first), first);
    this.failed = failed;
    this.total = total;
  }

  public int failedBatches() {
    return failed;
  }

  public int totalBatches() {
    return total;
  }
}
