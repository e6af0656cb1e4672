import type { Redis } from 'ioredis';

/**
 * The fast path of inbound dedupe: ids of messages Temporal has durably accepted, for a day. A hit answers a
 * re-delivery without touching Temporal; a miss (or Redis down) falls through to the workflow, which dedupes too.
 */
export class AcceptedMessages {
  private readonly redis: Redis;
  private readonly ttlSeconds: number;
  constructor(redis: Redis, ttlSeconds = 86400) {
    this.redis = redis;
    this.ttlSeconds = ttlSeconds;
  }

  private key(phoneNumberId: string, wamid: string): string {
    return `botflow:accepted:${phoneNumberId}:${wamid}`;
  }

  /** Of the given ids, those already accepted. Never throws: without Redis everything goes to Temporal. */
  async alreadyAccepted(items: { phoneNumberId: string; id: string }[]): Promise<Set<string>> {
    if (items.length === 0) return new Set();
    try {
      const hits = await this.redis.mget(items.map((i) => this.key(i.phoneNumberId, i.id)));
      return new Set(items.filter((_, index) => hits[index] !== null).map((i) => i.id));
    } catch {
      return new Set();
    }
  }

  async markAccepted(items: { phoneNumberId: string; id: string }[]): Promise<void> {
    if (items.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const i of items) pipeline.set(this.key(i.phoneNumberId, i.id), '1', 'EX', this.ttlSeconds);
    try {
      await pipeline.exec();
    } catch {
      // Only the fast path is lost; the workflow still drops the duplicate.
    }
  }
}
