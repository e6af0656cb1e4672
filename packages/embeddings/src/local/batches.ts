export interface BatchLimits {
  /** Texts per model run at most. */
  texts: number;
  /** Padded tokens per model run (texts × the longest one's tokens) at most; a single longer text runs alone. */
  tokens: number;
  /** Runs that can go at once: a batch that would leave a worker idle is split. */
  parallel: number;
}

/**
 * Indexes of `lengths` grouped into model runs: sorted by length so little goes to padding, and bounded by padded
 * tokens rather than by count, because one core runs 4 chunks of 128 tokens faster than 8 (the activations stay in
 * its cache) while short texts need many to a run to pay for its fixed cost.
 */
export function planBatches(lengths: number[], limits: BatchLimits): number[][] {
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]!);
  const spread = Math.ceil(order.length / Math.max(1, limits.parallel));
  const most = Math.max(1, Math.min(limits.texts, spread));
  const batches: number[][] = [];
  let batch: number[] = [];
  for (const i of order) {
    // Sorted ascending, so the text joining a batch is its longest.
    if (batch.length > 0 && (batch.length >= most || (batch.length + 1) * lengths[i]! > limits.tokens)) {
      batches.push(batch);
      batch = [];
    }
    batch.push(i);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
