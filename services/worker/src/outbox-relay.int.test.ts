import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Producer } from 'kafkajs';
import { useMigratedDatabase } from '@botflow/db/vitest';
import { createLogger } from '@botflow/service-kit';
import { OutboxRelay } from './outbox-relay.ts';

const testDb = useMigratedDatabase();
const sent: { topic: string; keys: string[] }[] = [];
const producer = {
  sendBatch: async ({ topicMessages }: { topicMessages: { topic: string; messages: { key: string }[] }[] }) => {
    for (const t of topicMessages) sent.push({ topic: t.topic, keys: t.messages.map((m) => m.key) });
    return [];
  },
} as unknown as Producer;

const row = (key: string, publishedAt: Date | null) => ({
  id: randomUUID(),
  topic: 'botflow.events.v1',
  key,
  type: 'messageReceived',
  schemaVersion: 1,
  payload: new Uint8Array([1, 2, 3]),
  publishedAt,
});

describe('OutboxRelay on the real database', () => {
  const relay = () =>
    new OutboxRelay({
      db: testDb.prisma,
      producer,
      log: createLogger('test', 'silent'),
      batchSize: 2,
      idlePollMs: 10,
      retentionDays: 7,
    });

  it('publishes unpublished rows oldest first, in batches, and marks them', async () => {
    await testDb.prisma.eventOutbox.createMany({ data: [row('a', null), row('b', null), row('c', null)] });
    expect(await relay().publishBatch()).toBe(2);
    expect(await relay().publishBatch()).toBe(1);
    expect(await relay().publishBatch()).toBe(0);
    expect(sent.flatMap((s) => s.keys).sort()).toEqual(['a', 'b', 'c']);
    expect(await testDb.prisma.eventOutbox.count({ where: { publishedAt: null } })).toBe(0);
  });

  it('prunes published rows past the retention, never unpublished ones', async () => {
    const old = new Date(Date.now() - 8 * 86_400_000);
    await testDb.prisma.eventOutbox.createMany({ data: [row('old-published', old), row('recent', new Date())] });
    await testDb.prisma.$executeRaw`INSERT INTO event_outbox (id, topic, key, type, schema_version, payload, created_at)
                         VALUES (${randomUUID()}::uuid, 't', 'old-unpublished', 'x', 1, '\\x00', ${old})`;
    expect(await relay().prune()).toBe(1);
    const keys = (await testDb.prisma.eventOutbox.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys).toContain('old-unpublished');
    expect(keys).toContain('recent');
    expect(keys).not.toContain('old-published');
  });
});
