import { describe, expect, it } from 'vitest';
import { MemorySlotStore } from './gcra.ts';
import { createSendThrottle, SlotUnavailable, type SendRateLimits } from './send-throttle.ts';

const route = { phoneNumberId: '100', recipient: '27820000001' };
const noPair = { pairBurst: 0, pairIntervalMs: 6000 };

async function timesOf(limits: SendRateLimits, routes: (typeof route)[]): Promise<number[]> {
  const throttle = createSendThrottle(new MemorySlotStore(), limits);
  const start = Date.now();
  return Promise.all(routes.map(async (r) => (await throttle.acquire(r, start + 10_000), Date.now() - start)));
}

describe('createSendThrottle', () => {
  it('spaces one number’s sends at its rate', async () => {
    const times = (
      await timesOf(
        { perSecond: 100, ...noPair },
        Array.from({ length: 10 }, () => route),
      )
    ).sort((a, b) => a - b);
    times.forEach((t, i) => expect(t).toBeGreaterThanOrEqual(i * 10));
    expect(times.at(-1)).toBeLessThan(200);
  });

  it('gives each number its own rate, and the override where one is set', async () => {
    const other = { ...route, phoneNumberId: '200' };
    const limits = { perSecond: 10, perSecondByNumber: { '200': 1000 }, ...noPair };
    const times = await timesOf(limits, [route, other, other, other]);
    expect(Math.max(...times)).toBeLessThan(50);
  });

  it('lets a burst one short of Meta’s reach one customer, then paces that customer only', async () => {
    const limits = { perSecond: 0, pairBurst: 3, pairIntervalMs: 100 };
    const other = { ...route, recipient: '27820000002' };
    const times = await timesOf(limits, [route, route, route, other]);
    expect(times[0]).toBeLessThan(50);
    expect(times[1]).toBeLessThan(50);
    expect(times[2]).toBeGreaterThanOrEqual(100);
    expect(times[3]).toBeLessThan(50);
  });

  it('stretches each second by the guard', async () => {
    const times = await timesOf(
      { perSecond: 100, guardMs: 100, ...noPair },
      Array.from({ length: 3 }, () => route),
    );
    expect(Math.max(...times)).toBeGreaterThanOrEqual(22);
  });

  it('refuses a slot later than the deadline, saying when to try again', async () => {
    const throttle = createSendThrottle(new MemorySlotStore(), { perSecond: 10, ...noPair });
    await throttle.acquire(route, Date.now());
    const refused = await throttle.acquire(route, Date.now() + 20).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(SlotUnavailable);
    expect((refused as SlotUnavailable).retryAfterMs).toBeGreaterThan(50);
    expect((refused as SlotUnavailable).message).toMatch(/sending rate is used up/);
  });

  it('gives up a slot it woke up too late for, and queues again', async () => {
    let calls = 0;
    const store = new MemorySlotStore();
    const slow = {
      reserve: async (...args: Parameters<MemorySlotStore['reserve']>) => {
        calls += 1;
        const reservation = await store.reserve(...args);
        if (calls === 2) await new Promise((resolve) => setTimeout(resolve, 60)); // answer read late
        return reservation;
      },
    };
    const throttle = createSendThrottle(slow, { perSecond: 50, guardMs: 20, ...noPair });
    await throttle.acquire(route, Date.now() + 5000);
    await throttle.acquire(route, Date.now() + 5000);
    expect(calls).toBe(3);
  });

  it('stops waiting when the activity is cancelled', async () => {
    const throttle = createSendThrottle(new MemorySlotStore(), { perSecond: 1, ...noPair });
    await throttle.acquire(route, Date.now() + 5000);
    const controller = new AbortController();
    const waiting = throttle.acquire(route, Date.now() + 5000, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
