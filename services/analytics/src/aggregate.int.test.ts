import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '@botflow/db/vitest';
import { EventSchema, type Event } from '@botflow/proto';
import { applyEvents, pruneProcessedEvents } from './aggregate.ts';

const testDb = useMigratedDatabase();

const at = Date.UTC(2026, 10, 26, 10, 15);
const received = (): Event =>
  create(EventSchema, {
    id: randomUUID(),
    botId: 'bot_a',
    occurredAt: timestampFromMs(at),
    payload: { case: 'messageReceived', value: { wamid: 'w' } },
  });

async function count(metric: string): Promise<number> {
  const [row] = await testDb.prisma.$queryRaw<
    { value: bigint }[]
  >`SELECT value FROM analytics_hourly WHERE bot_id = 'bot_a' AND metric = ${metric}`;
  return Number(row?.value ?? 0);
}

describe('applyEvents', () => {
  it('counts each event once, however often Kafka delivers it', async () => {
    const a = received();
    const b = received();
    expect(await applyEvents(testDb.prisma, [a, b, a])).toBe(2);
    expect(await applyEvents(testDb.prisma, [a, b])).toBe(0);
    expect(await count('messages_in')).toBe(2);
  });

  it('forgets applied ids past the retention, keeping recent ones', async () => {
    await testDb.prisma.$executeRaw`UPDATE analytics_processed_events SET processed_at = now() - interval '9 days'`;
    const fresh = received();
    await applyEvents(testDb.prisma, [fresh]);
    expect(await pruneProcessedEvents(testDb.prisma, 8)).toBe(2);
    expect(await testDb.prisma.analyticsProcessedEvent.count()).toBe(1);
  });

  it('counts hand-overs per hour and skips events it keeps no counter for', async () => {
    const event = (payload: MessageInitShape<typeof EventSchema>['payload']): Event =>
      create(EventSchema, { id: randomUUID(), botId: 'bot_a', occurredAt: timestampFromMs(at), payload });
    const started = event({ case: 'handoffStarted', value: { node: 'human', reason: 'x', trigger: 'keyword' } });
    const released = event({ case: 'handoffReleased', value: { atNode: '' } });
    const replied = event({ case: 'agentReplied', value: { replyId: 'r1' } });
    expect(await applyEvents(testDb.prisma, [started, released, replied, started])).toBe(3);
    expect(await count('handoffs')).toBe(1);
  });
});
