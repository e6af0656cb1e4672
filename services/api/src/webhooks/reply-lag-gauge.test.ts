import { describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { ReplyLagGauge } from './reply-lag-gauge.ts';

function gaugeAt(lagMs: number, limitMs = 3000): ReplyLagGauge {
  const gauge = new ReplyLagGauge({} as Redis, limitMs);
  Object.assign(gauge, { lagMs });
  return gauge;
}

describe('ReplyLagGauge', () => {
  it('sheds nothing up to the limit, then in proportion, and everything from twice the limit', () => {
    expect(gaugeAt(3000).shedFraction()).toBe(0);
    expect(gaugeAt(4500).shedFraction()).toBe(0.5);
    expect(gaugeAt(9000).shedFraction()).toBe(1);
    expect(gaugeAt(4500).overloaded(() => 0.4)).toBe(true);
    expect(gaugeAt(4500).overloaded(() => 0.6)).toBe(false);
  });

  it('never sheds when turned off', () => {
    expect(gaugeAt(60_000, 0).shedFraction()).toBe(0);
  });
});
