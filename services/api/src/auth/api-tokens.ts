import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@botflow/db';

/** Every API token starts with this, so a leaked one is recognisable (and secret scanners can look for it). */
export const API_TOKEN_PREFIX = 'bf_';

/** The only form in which a token is stored: sha256, hex. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** A token derived from a secret: the same secret and purpose always give the same token (the demo's, say). */
export function deriveApiToken(secret: string, purpose: string): string {
  return `${API_TOKEN_PREFIX}${createHmac('sha256', secret).update(`botflow api token:${purpose}`).digest('base64url')}`;
}

/** Makes a token for the organisation and returns it: the only time it is seen, since only its hash is kept. */
export async function createApiToken(db: PrismaClient, organisationId: string, name: string): Promise<string> {
  const token = newApiToken();
  await db.apiToken.create({ data: { organisationId, name, tokenHash: hashApiToken(token) } });
  return token;
}
