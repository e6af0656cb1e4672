import { describe, expect, it } from 'vitest';
import { planBatches } from './batches.ts';

describe('planBatches', () => {
  it('groups texts of similar length, shortest first, and covers each text once', () => {
    const lengths = [30, 5, 12, 6, 31, 11];
    const batches = planBatches(lengths, { texts: 2, tokens: 1000, parallel: 1 });
    expect(batches).toEqual([
      [1, 3],
      [5, 2],
      [0, 4],
    ]);
  });

  it('bounds the padded tokens of a run, so long texts go fewer to a run than short ones', () => {
    const chunks = Array.from({ length: 10 }, () => 128);
    expect(planBatches(chunks, { texts: 8, tokens: 512, parallel: 1 }).map((b) => b.length)).toEqual([4, 4, 2]);
    const short = Array.from({ length: 10 }, () => 16);
    expect(planBatches(short, { texts: 8, tokens: 512, parallel: 1 }).map((b) => b.length)).toEqual([8, 2]);
    // The batch's longest text sets its padding: the 200-token text would make 3 × 200 > 512.
    expect(planBatches([100, 100, 200], { texts: 8, tokens: 512, parallel: 1 })).toEqual([[0, 1], [2]]);
  });

  it('runs a text longer than the budget alone', () => {
    expect(planBatches([600, 10], { texts: 8, tokens: 512, parallel: 1 })).toEqual([[1], [0]]);
  });

  it('splits a small call so that every worker gets a share', () => {
    expect(planBatches([10, 10, 10, 10, 10], { texts: 8, tokens: 512, parallel: 2 }).map((b) => b.length)).toEqual([
      3, 2,
    ]);
    expect(planBatches([10], { texts: 8, tokens: 512, parallel: 2 })).toEqual([[0]]);
    expect(planBatches([], { texts: 8, tokens: 512, parallel: 2 })).toEqual([]);
  });
});
