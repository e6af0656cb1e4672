import type { Producer } from 'kafkajs';
import type { PrismaClient } from '@botflow/db';
import type { HealthCheck, Logger } from '@botflow/service-kit';

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  type: string;
  schema_version: number;
  payload: Uint8Array;
}

/**
 * Publishes the transactional outbox to Kafka. Rows are claimed with SKIP LOCKED (several relays may run), produced
 * with the idempotent producer, and marked published in the same transaction. A crash after producing re-publishes
 * the batch: consumers dedupe by event id, so the effect is exactly once. While Kafka is down rows simply wait.
 */
export class OutboxRelay {
  private stopped = false;
  private loop: Promise<void> | undefined;
  private lastError: Error | undefined;

  private readonly db: PrismaClient;
  private readonly producer: Producer;
  private readonly log: Logger;
  private readonly batchSize: number;
  private readonly idlePollMs: number;

  private readonly retentionDays: number;

  constructor(deps: {
    db: PrismaClient;
    producer: Producer;
    log: Logger;
    batchSize: number;
    idlePollMs: number;
    /** Published rows are kept this long (for audits and re-publishing), then deleted. */
    retentionDays?: number;
  }) {
    this.retentionDays = deps.retentionDays ?? 7;
    this.db = deps.db;
    this.producer = deps.producer;
    this.log = deps.log;
    this.batchSize = deps.batchSize;
    this.idlePollMs = deps.idlePollMs;
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  /** Publishes one batch; returns how many rows it published. */
  async publishBatch(): Promise<number> {
    return this.db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<OutboxRow[]>`
          SELECT id::text, topic, key, type, schema_version, payload FROM event_outbox
          WHERE published_at IS NULL ORDER BY created_at, id LIMIT ${this.batchSize} FOR UPDATE SKIP LOCKED`;
        if (rows.length === 0) return 0;
        const byTopic = Map.groupBy(rows, (r) => r.topic);
        await this.producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, group]) => ({
            topic,
            messages: group.map((r) => ({
              key: r.key,
              value: Buffer.from(r.payload),
              headers: { 'event-id': r.id, 'event-type': r.type, 'schema-version': String(r.schema_version) },
            })),
          })),
        });
        await tx.$executeRaw`UPDATE event_outbox SET published_at = now(), attempts = attempts + 1
                             WHERE id = ANY(${rows.map((r) => r.id)}::uuid[])`;
        return rows.length;
      },
      { timeout: 30_000 },
    );
  }

  /** Deletes published rows past the retention; unpublished rows are never deleted. Run by the worker's housekeeping. */
  async prune(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.retentionDays * 86_400_000);
    return this.db.$executeRaw`DELETE FROM event_outbox WHERE published_at IS NOT NULL AND published_at < ${cutoff}`;
  }

  healthCheck(): HealthCheck {
    return {
      name: 'outbox-relay',
      check: async () => {
        if (this.lastError) throw new Error(`outbox relay is failing: ${this.lastError.message}`);
      },
    };
  }

  private async run(): Promise<void> {
    let backoffMs = 250;
    while (!this.stopped) {
      try {
        const count = await this.publishBatch();
        this.lastError = undefined;
        backoffMs = 250;
        if (count < this.batchSize) await sleep(this.idlePollMs);
      } catch (err) {
        this.lastError = err instanceof Error ? err : new Error(String(err));
        this.log.warn({ err, retryInMs: backoffMs }, 'outbox publish failed; events stay in the outbox');
        await sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 5000);
      }
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
