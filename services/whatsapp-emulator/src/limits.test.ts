import { describe, expect, it } from 'vitest';
import type { GraphErrorBody } from '@botflow/whatsapp';
import { PairLimiter, ThroughputMeter } from './send-limits.ts';
import { post, useEmulatorWithReceiver } from './test-harness.ts';

const env = useEmulatorWithReceiver();
const auth = { authorization: 'Bearer dev-access-token' };
const send = (to: string, body: string) =>
  post<GraphErrorBody>(
    `${env.emulator.url}/v23.0/100000000000001/messages`,
    { messaging_product: 'whatsapp', to, type: 'text', text: { body } },
    auth,
  );
const openWindow = (waId: string) => post(`${env.emulator.url}/_emulator/customers/${waId}/messages`, { text: 'hi' });

describe('pair rate limit (131056)', () => {
  it('lets a burst through to one customer, then refuses until the pace allows', async () => {
    await openWindow('15550000001');
    await openWindow('15550000002');
    await post(`${env.emulator.url}/_emulator/limits`, { pairRateLimit: { burst: 2, intervalMs: 60_000 } });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await send('15550000001', `m${i}`)).json.error?.code);
    expect(codes).toEqual([undefined, undefined, 131056]);
    expect((await send('15550000002', 'another customer')).status).toBe(200);
    const limits = await fetch(`${env.emulator.url}/_emulator/limits`).then((r) => r.json());
    expect(limits).toMatchObject({ pairRateLimit: { burst: 2, intervalMs: 60_000 }, pairRejections: 1 });
  });

  it('follows the borrowed time: after a burst, one message per interval', () => {
    const limiter = new PairLimiter();
    limiter.limit = { burst: 3, intervalMs: 6000 };
    const at = (t: number) => limiter.allow('1', '+27 82 000', t);
    expect([at(0), at(0), at(0), at(0)]).toEqual([true, true, true, false]);
    expect([at(5999), at(6000), at(6001)]).toEqual([false, true, false]);
  });

  it('answers a bad setting with what to fix', async () => {
    const { status, json } = await post<{ error: string }>(`${env.emulator.url}/_emulator/limits`, {
      pairRateLimit: { burst: 0, intervalMs: 6000 },
    });
    expect(status).toBe(400);
    expect(JSON.stringify(json)).toMatch(/burst is at least 1 message/);
  });
});

describe('throughput counters', () => {
  it('count accepted sends per number and the busiest second, over the control API', async () => {
    await openWindow('15550000003');
    for (let i = 0; i < 3; i++) await send('15550000003', `t${i}`);
    await send('15550000003', 'x'.repeat(5000)); // refused: not counted
    const meter = (await fetch(`${env.emulator.url}/_emulator/throughput`).then((r) => r.json())) as {
      accepted: number;
      maxInAnyOneSecond: number;
      byPhoneNumber: Record<string, { accepted: number; perSecond: { count: number }[] }>;
    };
    expect(meter.accepted).toBe(3);
    expect(meter.maxInAnyOneSecond).toBe(3);
    expect(meter.byPhoneNumber['100000000000001']?.perSecond.reduce((n, s) => n + s.count, 0)).toBe(3);
  });

  it('find the busiest 1,000 ms anywhere, not only in calendar seconds', () => {
    const meter = new ThroughputMeter();
    for (const t of [900, 950, 1000, 1050, 1899, 2500]) meter.record('1', t);
    const figures = meter.toJSON().byPhoneNumber['1'];
    expect(figures?.maxInAnyOneSecond).toBe(5);
    expect(figures?.maxInACalendarSecond).toBe(3);
  });
});
