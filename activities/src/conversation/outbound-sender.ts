import type { PrismaClient } from '@botflow/db';
import type { SecretBox } from '@botflow/secrets';
import type { GraphClient, SendRequest } from '@botflow/whatsapp';
import type { OutboundSender } from './send-outbound.ts';

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

  return {
    reconcileGraceMs: deps.reconcileGraceMs,
    ...(deps.observeResponseTime ? { observeResponseTime: deps.observeResponseTime } : {}),
    async send(phoneNumberId: string, body: SendRequest) {
      return deps.graph.sendMessage(phoneNumberId, await accessToken(phoneNumberId), body);
    },
  };
}
