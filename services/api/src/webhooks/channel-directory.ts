import type { PrismaClient } from '@botflow/db';

interface Entry {
  known: boolean;
  expiresAt: number;
}

/**
 * Which phone numbers are connected, cached for a short while: every webhook asks, and a number is connected or
 * disconnected rarely. Webhooks for an unknown number are acknowledged and logged, never started as conversations.
 */
export class ChannelDirectory {
  private readonly cache = new Map<string, Entry>();
  private readonly db: PrismaClient;
  private readonly ttlMs: number;
  constructor(db: PrismaClient, ttlMs = 10_000) {
    this.db = db;
    this.ttlMs = ttlMs;
  }

  async isConnected(phoneNumberId: string): Promise<boolean> {
    const hit = this.cache.get(phoneNumberId);
    if (hit && hit.expiresAt > Date.now()) return hit.known;
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      UPDATE whatsapp_channels SET last_webhook_at = now() WHERE phone_number_id = ${phoneNumberId} RETURNING id`;
    const known = rows.length > 0;
    this.cache.set(phoneNumberId, { known, expiresAt: Date.now() + this.ttlMs });
    return known;
  }
}
