import { MemorySlotStore, type RateRule, type Reservation, type SlotStore } from './gcra.ts';

/** What the limiter needs of a Redis client (ioredis' `Redis` has it). */
export interface RedisScripts {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

/**
 * gcra.ts `reserve` as one atomic script, on Redis' clock so that every worker process agrees on "now". The key
 * lives only as long as its `tat` is in the future: an expired key and a passed `tat` mean the same.
 */
const RESERVE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local due = math.max(tat, now)
local slot = math.max(now, due - (burst - 1) * interval)
local wait = slot - now
if wait > maxWait then return {0, tostring(wait)} end
local nextTat = due + interval
redis.call('SET', KEYS[1], tostring(nextTat), 'PX', math.ceil(nextTat - now) + 1000)
return {1, tostring(wait)}
`;

export interface RedisSlotStoreOptions {
  redis: RedisScripts;
  /** How long to wait for Redis before limiting in this process alone. */
  timeoutMs?: number;
  /** Told (at most once a minute) that Redis failed and this process limits alone. */
  onFallback?: (err: unknown) => void;
}

/**
 * Slots shared by every worker process through Redis. When Redis does not answer, the process falls back to its own
 * limiter rather than stop sending: the numbers may then be exceeded by the number of workers, and Meta's 130429 or
 * 131056 answers (retried with back-off) are the safety net until Redis is back.
 */
export class RedisSlotStore implements SlotStore {
  private readonly options: RedisSlotStoreOptions;
  private readonly fallback = new MemorySlotStore();
  private lastWarnAt = 0;
  constructor(options: RedisSlotStoreOptions) {
    this.options = options;
  }

  async reserve(key: string, rule: RateRule, maxWaitMs: number): Promise<Reservation> {
    try {
      const reply = await withTimeout(
        this.options.redis.eval(RESERVE_SCRIPT, 1, key, rule.intervalMs, rule.burst, Math.max(0, maxWaitMs)),
        this.options.timeoutMs ?? 1000,
      );
      const [granted, waitMs] = reply as [number, string];
      return { granted: granted === 1, waitMs: Number(waitMs) };
    } catch (err) {
      const now = Date.now();
      if (now - this.lastWarnAt > 60_000) {
        this.lastWarnAt = now;
        this.options.onFallback?.(err);
      }
      return this.fallback.reserve(key, rule, maxWaitMs);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
