// One worker process of the send-rate benchmark: offers its share of turns (one text each) on an open loop and
// sends them through the real activity path (deliverTurn → Redis pacing → Graph API), retried as Temporal retries
// it, at most 100 at once (Temporal's default for local activities). Prints what happened to each send as JSON.
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import type { ConversationRef } from '@botflow/contracts';
import { createPrismaClient } from '@botflow/db';
import { secretBoxFromConfig } from '@botflow/secrets';
import { GraphClient } from '@botflow/whatsapp';
import { deliverTurn } from '../../activities/src/conversation/deliver-turn.ts';
import { createOutboundSender } from '../../activities/src/conversation/outbound-sender.ts';
import { retryLikeTemporal, slots } from '../../activities/src/rate-limit/send-fixture.ts';
import type { SendRateLimits } from '../../activities/src/rate-limit/index.ts';

export interface WorkerJob {
  databaseUrl: string;
  redisUrl: string;
  graphUrl: string;
  secretsKey: string;
  /** null: no pacing at all. */
  limits: SendRateLimits | null;
  maxWaitMs: number;
  /** Epoch ms at which the first turn is offered. */
  startAt: number;
  /** Turns per second this worker offers; 0: all at once. */
  rate: number;
  turnTag: string;
  conversations: ConversationRef[];
}

export interface SendRecord {
  key: string;
  offeredAt: number;
  /** When the Graph call that Meta accepted was made. */
  sentAt: number | null;
  graphCalls: number;
  attempts: number;
  outcome: string;
}

const job = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as WorkerJob;
const db = createPrismaClient(job.databaseUrl);
const redis = new Redis(job.redisUrl, { maxRetriesPerRequest: 1 });
const sender = createOutboundSender({
  db,
  graph: new GraphClient({ baseUrl: job.graphUrl, version: 'v23.0' }),
  secrets: secretBoxFromConfig(job.secretsKey),
  reconcileGraceMs: 5000,
  ...(job.limits ? { rateLimit: { limits: job.limits, redis, maxWaitMs: job.maxWaitMs } } : {}),
});
const records = new Map<string, SendRecord>();
const send = sender.send.bind(sender);
sender.send = async (phoneNumberId, body) => {
  const record = records.get(body.biz_opaque_callback_data ?? '');
  const at = Date.now();
  if (record) record.graphCalls += 1;
  const result = await send(phoneNumberId, body);
  if (record) record.sentAt = at;
  return result;
};

const slot = slots(100);
const running: Promise<void>[] = [];
for (const [i, conversation] of job.conversations.entries()) {
  const offeredAt = job.rate > 0 ? job.startAt + (i * 1000) / job.rate : job.startAt;
  const wait = offeredAt - Date.now();
  if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
  const turnKey = `${conversation.id}:${job.turnTag}`;
  const record: SendRecord = { key: `${turnKey}:0`, offeredAt, sentAt: null, graphCalls: 0, attempts: 0, outcome: '' };
  records.set(record.key, record);
  running.push(
    retryLikeTemporal(() =>
      slot(() =>
        deliverTurn(db, sender, {
          conversation,
          turnKey,
          isFirstTurn: false,
          inbound: [],
          outbound: [{ content: { kind: 'text', text: `message ${i}` } }],
          ended: null,
        }),
      ),
    ).then(
      ({ result, attempts }) => {
        record.attempts = attempts;
        record.outcome = result.sent[0]?.outcome ?? 'none';
      },
      (err: unknown) => {
        record.outcome = `error: ${String(err)}`;
      },
    ),
  );
}
await Promise.all(running);
process.stdout.write(JSON.stringify([...records.values()]));
redis.disconnect();
await db.$disconnect();
