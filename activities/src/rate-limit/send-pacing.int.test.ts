import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { GraphClient } from '@botflow/whatsapp';
import { deliverTurn, type TurnInput } from '../conversation/deliver-turn.ts';
import { createOutboundSender } from '../conversation/outbound-sender.ts';
import type { SendRateLimits } from './send-throttle.ts';
import {
  retryLikeTemporal,
  slots,
  startEmulatorProcess,
  startSendFixture,
  type EmulatorProcess,
  type SendFixture,
} from './send-fixture.ts';

const RATE = 40;
const BURST = RATE * 10;

let fixture: SendFixture;
let emulator: EmulatorProcess;
let redis: Redis;

beforeAll(async () => {
  fixture = await startSendFixture({ customers: BURST });
  emulator = await startEmulatorProcess(fixture);
  redis = new Redis(process.env.REDIS_URL ?? '');
});

afterAll(async () => {
  redis.disconnect();
  await emulator?.stop();
  await fixture?.close();
});

/**
 * A worker process's sender: its own Graph client and throttle, sharing slots with the others through Redis, each
 * turn retried as Temporal would. 25 turns at once each: both workers' database work and their sends share this
 * test's one event loop, which must stay short of stalls longer than the guard below.
 */
function workerSender(limits: SendRateLimits, maxWaitMs: number) {
  const sender = createOutboundSender({
    db: fixture.db,
    graph: new GraphClient({ baseUrl: emulator.url, version: 'v23.0' }),
    secrets: fixture.secrets,
    reconcileGraceMs: 2000,
    rateLimit: { limits, redis, maxWaitMs },
  });
  const slot = slots(25);
  return (turn: TurnInput) => retryLikeTemporal(() => slot(() => deliverTurn(fixture.db, sender, turn)));
}

const turnOf = (i: number, turn: number, texts: string[]): TurnInput => {
  const conversation = fixture.conversations[i]!;
  return {
    conversation,
    turnKey: `${conversation.id}:${turn}`,
    isFirstTurn: true,
    inbound: [],
    outbound: texts.map((text) => ({ content: { kind: 'text', text } })),
    ended: null,
  };
};

interface Throughput {
  byPhoneNumber: Record<string, { accepted: number; maxInAnyOneSecond: number }>;
}

describe('send pacing through Redis, shared by two workers', () => {
  it('sends 10× the per-number rate at once exactly once each, never more than the rate in any second', async () => {
    await emulator.control('/_emulator/limits', { throughputPerSecond: RATE }); // Meta's 130429 past the rate
    // A wider guard than the workers' 50 ms: this process stalls longer than a worker does (see workerSender).
    const limits = { perSecond: RATE, guardMs: 100, pairBurst: 45, pairIntervalMs: 6000 };
    const workers = [workerSender(limits, 1000), workerSender(limits, 1000)];
    const started = Date.now();
    const runs = await Promise.all(
      Array.from({ length: BURST }, (_, i) => workers[i % 2]!(turnOf(i, 1, [`burst ${i}`]))),
    );
    const seconds = (Date.now() - started) / 1000;

    expect(runs.every((r) => r.result.sent[0]?.outcome === 'sent')).toBe(true);
    expect(runs.some((r) => r.attempts > 1)).toBe(true); // some waited longer than 1 s and were retried later
    const [row] = await fixture.db.$queryRaw<{ sent: bigint; distinct: bigint; failed: bigint }[]>`
      SELECT count(wamid) AS sent, count(DISTINCT wamid) AS distinct, count(*) FILTER (WHERE status = 'failed') AS failed
      FROM messages WHERE direction = 'out'`;
    expect(row).toEqual({ sent: BigInt(BURST), distinct: BigInt(BURST), failed: 0n });

    const meter = (await emulator.control<Throughput>('/_emulator/throughput')).byPhoneNumber[fixture.phoneNumberId];
    expect(meter?.accepted).toBe(BURST); // Meta took each message once
    expect(meter?.maxInAnyOneSecond).toBeLessThanOrEqual(RATE);
    expect(await emulator.control('/_emulator/limits')).toMatchObject({ throughputRejections: 0 });
    const paced = (BURST * (1000 + limits.guardMs)) / 1000 / RATE;
    expect(seconds).toBeGreaterThan(paced - 1);
    expect(seconds).toBeLessThan(paced + 8);
  });

  it('paces one customer after the burst Meta allows, resuming a turn where it stopped', async () => {
    await emulator.control('/_emulator/limits', { pairRateLimit: { burst: 3, intervalMs: 250 } });
    const worker = workerSender({ perSecond: 80, guardMs: 20, pairBurst: 3, pairIntervalMs: 250 }, 2000);
    const texts = Array.from({ length: 30 }, (_, i) => `pair ${i}`);
    const recipient = fixture.conversations[0]!.recipient;

    const { result, attempts } = await worker(turnOf(0, 2, texts));

    expect(attempts).toBeGreaterThan(1);
    expect(result.sent.filter((s) => s.outcome !== 'sent' && s.outcome !== 'already_sent')).toEqual([]);
    const chat = await emulator.control<{ entries: { direction: string; message: { text?: { body: string } } }[] }>(
      `/_emulator/chats/${recipient}`,
    );
    const bodies = chat.entries.filter((e) => e.direction === 'outbound').map((e) => e.message.text?.body);
    expect(bodies).toEqual(['burst 0', ...texts]);
    expect(await emulator.control('/_emulator/limits')).toMatchObject({ pairRejections: 0 });
  });
});
