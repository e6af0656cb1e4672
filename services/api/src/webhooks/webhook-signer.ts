import { verifySignature } from '@botflow/whatsapp';
import type { ChannelDirectory } from './channel-directory.ts';

/**
 * Who signed a webhook: the deployment's Meta app (`WHATSAPP_APP_SECRET`, trusted for every connected number), or a
 * business's own Meta app, whose secret is stored with its channel and vouches only for the numbers that share it.
 */
export type WebhookSigner = { kind: 'deployment' } | { kind: 'channel'; appSecret: string };

/** Unsigned bodies may name any number of numbers: only this many are looked up to find the signing secret. */
const MAX_NUMBERS_TRIED = 10;

export async function findSigner(
  raw: Buffer,
  header: string | undefined,
  deploymentSecret: string,
  channels: ChannelDirectory,
): Promise<WebhookSigner | null> {
  if (verifySignature(raw, header, deploymentSecret)) return { kind: 'deployment' };
  if (header === undefined) return null;
  for (const phoneNumberId of namedNumbers(raw)) {
    const appSecret = await channels.appSecretOf(phoneNumberId);
    if (appSecret !== null && appSecret !== deploymentSecret && verifySignature(raw, header, appSecret)) {
      return { kind: 'channel', appSecret };
    }
  }
  return null;
}

/** Whether the signer vouches for this number's messages: a business's app only for its own numbers. */
export async function signerVouchesFor(
  signer: WebhookSigner,
  phoneNumberId: string,
  channels: ChannelDirectory,
): Promise<boolean> {
  return signer.kind === 'deployment' || (await channels.appSecretOf(phoneNumberId)) === signer.appSecret;
}

/** The phone-number ids a body names, read before it is trusted and only to choose the secret to check it with. */
function namedNumbers(raw: Buffer): string[] {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return [];
  }
  const found = new Set<string>();
  for (const entry of arrayAt(body, 'entry')) {
    for (const change of arrayAt(entry, 'changes')) {
      const id = at(at(at(change, 'value'), 'metadata'), 'phone_number_id');
      if (typeof id === 'string' && id !== '') found.add(id);
      if (found.size >= MAX_NUMBERS_TRIED) return [...found];
    }
  }
  return [...found];
}

function at(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function arrayAt(value: unknown, key: string): unknown[] {
  const found = at(value, key);
  return Array.isArray(found) ? found : [];
}
