import { describe, expect, it } from 'vitest';
import { MemorySlotStore, reserve, type RateRule } from './gcra.ts';

/** Reserves one slot per arrival time, as callers would; returns when each may go. */
function schedule(arrivals: number[], rule: RateRule, maxWaitMs = Infinity): (number | null)[] {
  let tat = 0;
  return arrivals.map((now) => {
    const { reservation, nextTat } = reserve(tat, now, rule, maxWaitMs);
    tat = nextTat;
    return reservation.granted ? now + reservation.waitMs : null;
  });
}

describe('reserve (GCRA)', () => {
  it('spaces messages evenly when no burst is allowed', () => {
    expect(schedule([1000, 1000, 1000, 1000], { intervalMs: 12.5, burst: 1 })).toEqual([1000, 1012.5, 1025, 1037.5]);
  });

  it('lets a burst go at once, then paces the rest', () => {
    expect(schedule([0, 0, 0, 0, 0], { intervalMs: 6000, burst: 3 })).toEqual([0, 0, 0, 6000, 12000]);
  });

  it('charges a burst against later capacity, as Meta does', () => {
    // Three at once, then silence for one interval: only one more may go at once, not three.
    expect(schedule([0, 0, 0, 6000, 6000], { intervalMs: 6000, burst: 3 })).toEqual([0, 0, 0, 6000, 12000]);
  });

  it('forgets the past once the pace has caught up', () => {
    expect(schedule([0, 0, 60_000, 60_000], { intervalMs: 6000, burst: 2 })).toEqual([0, 0, 60_000, 60_000]);
  });

  it('reserves nothing when the slot is further off than the caller will wait', () => {
    expect(schedule([0, 0, 0, 0], { intervalMs: 100, burst: 1 }, 150)).toEqual([0, 100, null, null]);
  });

  it('never lets more than rate + burst - 1 into any window, whatever the arrivals', () => {
    const rule = { intervalMs: 1000 / 80, burst: 1 };
    const arrivals = Array.from({ length: 2000 }, (_, i) => Math.floor(i / 50) * 97 + (i % 7));
    const slots = schedule(arrivals, rule).filter((s): s is number => s !== null);
    let most = 0;
    for (let i = 0, j = 0; i < slots.length; i++) {
      while ((slots[j] ?? 0) <= (slots[i] ?? 0) - 1000) j++;
      most = Math.max(most, i - j + 1);
    }
    expect(most).toBe(80);
  });
});

describe('MemorySlotStore', () => {
  it('keeps one pace per key', async () => {
    let now = 0;
    const store = new MemorySlotStore(() => now);
    const rule = { intervalMs: 100, burst: 1 };
    expect(await store.reserve('a', rule, 1000)).toEqual({ granted: true, waitMs: 0 });
    expect(await store.reserve('a', rule, 1000)).toEqual({ granted: true, waitMs: 100 });
    expect(await store.reserve('b', rule, 1000)).toEqual({ granted: true, waitMs: 0 });
    now = 150;
    expect(await store.reserve('a', rule, 1000)).toEqual({ granted: true, waitMs: 50 });
    expect(await store.reserve('a', rule, 10)).toEqual({ granted: false, waitMs: 150 });
  });
});
