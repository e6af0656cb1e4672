import type { PrismaClient } from '@botflow/db';
import type { SecretBox } from '@botflow/secrets';
import { GraphApiError, type GraphClient, type SendRequest } from '@botflow/whatsapp';
import {
  createSendThrottle,
  MemorySlotStore,
  RedisSlotStore,
  type RedisScripts,
  type SendRateLimits,
} from '../rate-limit/index.ts';
import type { OutboundSender } from './send-outbound.ts';

/** Meta's sending limits, paced through Redis so that every worker process shares one count per number. */
export interface RateLimitOptions {
  limits: SendRateLimits;
  /** Shared slots; without it each process paces alone (one worker, tests). */
  redis?: RedisScripts;
  /** Longest a turn waits for slots before it is retried later instead (default 5 s). */
  maxWaitMs?: number;
  /** Told, at most once a minute, that Redis failed and this process paces alone meanwhile. */
  onRedisFailure?: (err: unknown) => void;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** Sends through the Graph API with the number's own access token, decrypted on first use and cached briefly. */
export function createOutboundSender(deps: {
  db: PrismaClient;
  graph: GraphClient;
  secrets: SecretBox;
  reconcileGraceMs: number;
  tokenCacheMs?: number;
  observeResponseTime?: (ms: number) => void;
  rateLimit?: RateLimitOptions;
}): OutboundSender {
  const tokens = new Map<string, CachedToken>();
  const cacheMs = deps.tokenCacheMs ?? 60_000;

  async function accessToken(phoneNumberId: string): Promise<string> {
    const hit = tokens.get(phoneNumberId);
    if (hit && hit.expiresAt > Date.now()) return hit.token;
    const [row] = await deps.db.$queryRaw<{ id: string; access_token_ciphertext: Uint8Array }[]>`
      SELECT id, access_token_ciphertext FROM whatsapp_channels WHERE phone_number_id = ${phoneNumberId}`;
    if (!row) throw new Error(`phone number ${phoneNumberId} is not connected`);
    const token = deps.secrets.open(row.access_token_ciphertext, row.id);
    tokens.set(phoneNumberId, { token, expiresAt: Date.now() + cacheMs });
    return token;
  }

  const rate = deps.rateLimit;
  const store = rate?.redis
    ? new RedisSlotStore({ redis: rate.redis, ...(rate.onRedisFailure ? { onFallback: rate.onRedisFailure } : {}) })
    : new MemorySlotStore();
  return {
    reconcileGraceMs: deps.reconcileGraceMs,
    ...(deps.observeResponseTime ? { observeResponseTime: deps.observeResponseTime } : {}),
    ...(rate ? { throttle: createSendThrottle(store, rate.limits) } : {}),
    ...(rate?.maxWaitMs === undefined ? {} : { maxThrottleWaitMs: rate.maxWaitMs }),
    async send(phoneNumberId: string, body: SendRequest) {
      try {
        return await deps.graph.sendMessage(phoneNumberId, await accessToken(phoneNumberId), body);
      } catch (err) {
        // A refused token may have been replaced through the API meanwhile: read it again next time.
        if (err instanceof GraphApiError && err.kind === 'auth') tokens.delete(phoneNumberId);
        throw err;
      }
    },
  };
}
