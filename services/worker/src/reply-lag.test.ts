import { describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { ReplyLagReporter } from './reply-lag.ts';

describe('ReplyLagReporter', () => {
  it('reports the p90 of the last few seconds only', () => {
    const reporter = new ReplyLagReporter({} as Redis, 5000);
    expect(reporter.p90()).toBeNull();
    for (let ms = 1; ms <= 100; ms++) reporter.record(ms);
    expect(reporter.p90()).toBe(90);
    expect(reporter.p90(Date.now() + 6000)).toBeNull();
  });
});
