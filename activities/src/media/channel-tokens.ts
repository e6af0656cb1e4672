import type { PrismaClient } from '@botflow/db';
import type { SecretBox } from '@botflow/secrets';

/** The number is not (or no longer) connected: nothing can be fetched for it. */
export class ChannelNotConnected extends Error {
  override name = 'ChannelNotConnected';
}

/** A number's access token, decrypted on first use and kept briefly. */
export function channelAccessTokens(db: PrismaClient, secrets: SecretBox, cacheMs = 60_000) {
  const cache = new Map<string, { token: string; expiresAt: number }>();
  return async (phoneNumberId: string): Promise<string> => {
    const hit = cache.get(phoneNumberId);
    if (hit && hit.expiresAt > Date.now()) return hit.token;
    const [row] = await db.$queryRaw<{ id: string; access_token_ciphertext: Uint8Array }[]>`
      SELECT id, access_token_ciphertext FROM whatsapp_channels WHERE phone_number_id = ${phoneNumberId}`;
    if (!row) throw new ChannelNotConnected(`phone number ${phoneNumberId} is not connected`);
    const token = secrets.open(row.access_token_ciphertext, row.id);
    cache.set(phoneNumberId, { token, expiresAt: Date.now() + cacheMs });
    return token;
  };
}
