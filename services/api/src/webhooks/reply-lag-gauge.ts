import type { Redis } from 'ioredis';
import { REPLY_LAG_REDIS_KEY } from '@botflow/contracts';

/** Reads the workers' published reply lag twice a second; unknown (no recent replies, Redis away) counts as fine. */
export class ReplyLagGauge {
  private lagMs = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly redis: Redis;
  private readonly limitMs: number;

  constructor(redis: Redis, limitMs: number) {
    this.redis = redis;
    this.limitMs = limitMs;
  }

  start(intervalMs = 500): void {
    this.timer = setInterval(() => {
      this.redis.get(REPLY_LAG_REDIS_KEY).then(
        (value) => (this.lagMs = value === null ? 0 : Number(value)),
        () => (this.lagMs = 0),
      );
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /**
   * The share of new webhooks to turn away: none up to the limit, rising to all at twice the limit. Shedding in
   * proportion keeps the workers busy while the backlog drains, where all-or-nothing would leave them idle in
   * bursts (the lag figure trails the real backlog by a few seconds).
   */
  shedFraction(): number {
    if (this.limitMs <= 0 || this.lagMs <= this.limitMs) return 0;
    return Math.min(1, (this.lagMs - this.limitMs) / this.limitMs);
  }

  /** Decides for one webhook. */
  overloaded(random = Math.random): boolean {
    const fraction = this.shedFraction();
    return fraction > 0 && random() < fraction;
  }
}
