import type { Redis } from 'ioredis';
import { REPLY_LAG_REDIS_KEY, REPLY_LAG_TTL_SECONDS } from '@botflow/contracts';

/** Response times of the last 3 seconds; publishes their p90 to Redis once a second while there are any. */
export class ReplyLagReporter {
  private samples: { at: number; ms: number }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly redis: Redis;
  private readonly windowMs: number;

  constructor(redis: Redis, windowMs = 3000) {
    this.redis = redis;
    this.windowMs = windowMs;
  }

  record(ms: number): void {
    this.samples.push({ at: Date.now(), ms });
  }

  p90(now = Date.now()): number | null {
    this.samples = this.samples.filter((s) => now - s.at <= this.windowMs);
    if (this.samples.length === 0) return null;
    const sorted = this.samples.map((s) => s.ms).sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)] ?? null;
  }

  start(): void {
    this.timer = setInterval(() => {
      const p90 = this.p90();
      if (p90 === null) return;
      this.redis.set(REPLY_LAG_REDIS_KEY, String(Math.round(p90)), 'EX', REPLY_LAG_TTL_SECONDS).catch(() => {});
    }, 1000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
