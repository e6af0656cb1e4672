import type { PrismaClient } from '@botflow/db';
import type { SecretBox } from '@botflow/secrets';

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/** Unsigned requests can name any number: the caches forget everything rather than grow without bound. */
const MAX_CACHED_NUMBERS = 10_000;
const VERIFY_TOKENS_MIN_REREAD_MS = 1000;

/**
 * What the webhook ingress needs to know of the connected phone numbers, cached for a short while: every webhook
 * asks, and a number is connected, disconnected or given a new secret rarely. Webhooks for an unknown number are
 * acknowledged and logged, never started as conversations.
 */
export class ChannelDirectory {
  private readonly connected = new Map<string, Entry<boolean>>();
  private readonly appSecrets = new Map<string, Entry<string | null>>();
  private verifyTokens: { tokens: Set<string | null>; readAt: number } | undefined;
  private readonly db: PrismaClient;
  private readonly secrets: SecretBox | undefined;
  private readonly ttlMs: number;
  /** Without `secrets`, channels' own app secrets and verify tokens are not used (only the deployment's). */
  constructor(db: PrismaClient, options: { ttlMs?: number; secrets?: SecretBox } = {}) {
    this.db = db;
    this.ttlMs = options.ttlMs ?? 10_000;
    this.secrets = options.secrets;
  }

  async isConnected(phoneNumberId: string): Promise<boolean> {
    return this.cached(this.connected, phoneNumberId, async () => {
      const rows = await this.db.$queryRaw<{ id: string }[]>`
        UPDATE whatsapp_channels SET last_webhook_at = now() WHERE phone_number_id = ${phoneNumberId} RETURNING id`;
      return rows.length > 0;
    });
  }

  /** The app secret stored with this number's channel (a business's own Meta app), or null. */
  async appSecretOf(phoneNumberId: string): Promise<string | null> {
    const secrets = this.secrets;
    if (!secrets) return null;
    return this.cached(this.appSecrets, phoneNumberId, async () => {
      const channel = await this.db.whatsappChannel.findUnique({
        where: { phoneNumberId },
        select: { id: true, appSecretCiphertext: true },
      });
      return channel ? openOrNull(secrets, channel.appSecretCiphertext, channel.id) : null;
    });
  }

  /**
   * Whether a channel was connected with this verify token (its own Meta app's webhook subscription). Handshakes are
   * unauthenticated: the tokens are read and decrypted at most once a second, and again on a miss (a channel created
   * a moment ago is found).
   */
  async isChannelVerifyToken(token: string): Promise<boolean> {
    const secrets = this.secrets;
    if (!secrets || token === '') return false;
    if (this.verifyTokens?.tokens.has(token)) return true;
    if (this.verifyTokens && Date.now() - this.verifyTokens.readAt < VERIFY_TOKENS_MIN_REREAD_MS) return false;
    const channels = await this.db.whatsappChannel.findMany({ select: { id: true, verifyTokenCiphertext: true } });
    const tokens = new Set(channels.map((c) => openOrNull(secrets, c.verifyTokenCiphertext, c.id)));
    this.verifyTokens = { tokens, readAt: Date.now() };
    return tokens.has(token);
  }

  private async cached<T>(cache: Map<string, Entry<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && hit.expiresAt > Date.now()) return hit.value;
    const value = await load();
    if (cache.size >= MAX_CACHED_NUMBERS) cache.clear();
    cache.set(key, { value, expiresAt: Date.now() + this.ttlMs });
    return value;
  }
}

function openOrNull(secrets: SecretBox, sealed: Uint8Array, channelId: string): string | null {
  try {
    return secrets.open(sealed, channelId);
  } catch {
    return null;
  }
}
