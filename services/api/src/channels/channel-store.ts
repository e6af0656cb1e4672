import type { Prisma, PrismaClient } from '@botflow/db';
import type { SecretBox } from '@botflow/secrets';
import { HttpError } from '@botflow/service-kit';

export const channelInclude = {
  boundBot: { select: { id: true, name: true, currentVersion: { select: { version: true } } } },
} satisfies Prisma.WhatsappChannelInclude;

export type ChannelRow = Prisma.WhatsappChannelGetPayload<{ include: typeof channelInclude }>;

/** The organisation's channel, or a 404: another organisation's channel is not found either, never forbidden. */
export async function findChannel(db: PrismaClient, organisationId: string, id: string): Promise<ChannelRow> {
  const channel = await db.whatsappChannel.findFirst({ where: { id, organisationId }, include: channelInclude });
  if (!channel) throw new HttpError(404, `there is no channel "${id}" in this organisation`);
  return channel;
}

export function listChannels(db: PrismaClient, organisationId: string): Promise<ChannelRow[]> {
  return db.whatsappChannel.findMany({
    where: { organisationId },
    include: channelInclude,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

/** A 409 that says where the number is connected already. */
export async function alreadyConnected(db: PrismaClient, organisationId: string, phoneNumberId: string) {
  const existing = await db.whatsappChannel.findUnique({
    where: { phoneNumberId },
    select: { id: true, organisationId: true },
  });
  if (existing?.organisationId === organisationId) {
    return new HttpError(
      409,
      `phone-number id ${phoneNumberId} is connected already, as channel ${existing.id}: ` +
        `change it with PATCH /api/channels/${existing.id}`,
    );
  }
  return new HttpError(
    409,
    `phone-number id ${phoneNumberId} is connected already in another organisation: it must be removed there first`,
  );
}

/** Seals a secret for one row: the row id is the associated data, so a ciphertext copied to another row won't open. */
export function sealerFor(secrets: SecretBox, channelId: string): (value: string) => Uint8Array<ArrayBuffer> {
  return (value) => new Uint8Array(secrets.seal(value, channelId));
}

type SecretState = 'set' | 'unreadable';

/**
 * What an API answer shows of a channel. Secrets never leave: only whether they can be read with the configured
 * keys, and the access token's last four characters so the owner can tell which token is in use.
 */
export function channelView(channel: ChannelRow, secrets: SecretBox) {
  const open = (sealed: Uint8Array): string | null => {
    try {
      return secrets.open(sealed, channel.id);
    } catch {
      return null;
    }
  };
  const accessToken = open(channel.accessTokenCiphertext);
  const state = (value: string | null): SecretState => (value === null ? 'unreadable' : 'set');
  const unreadable =
    accessToken === null
      ? 'the access token cannot be decrypted with BOTFLOW_SECRETS_KEY (was the key it was sealed with removed?): ' +
        'add that key back after the active one, or send a new accessToken with PATCH'
      : null;
  return {
    id: channel.id,
    phoneNumberId: channel.phoneNumberId,
    wabaId: channel.wabaId,
    displayPhoneNumber: channel.displayPhoneNumber,
    bot: channel.boundBot
      ? {
          id: channel.boundBot.id,
          name: channel.boundBot.name,
          publishedVersion: channel.boundBot.currentVersion?.version ?? null,
        }
      : null,
    secrets: {
      accessToken: state(accessToken),
      accessTokenEnding: accessToken !== null && accessToken.length >= 20 ? accessToken.slice(-4) : null,
      appSecret: state(open(channel.appSecretCiphertext)),
      verifyToken: state(open(channel.verifyTokenCiphertext)),
    },
    health: {
      status: unreadable ? 'unhealthy' : channel.health,
      reason: unreadable ?? channel.healthReason,
      lastWebhookAt: channel.lastWebhookAt,
      lastSendAt: channel.lastSendAt,
      lastSendError:
        channel.lastSendError === null
          ? null
          : { code: channel.lastSendErrorCode, message: channel.lastSendError, at: channel.lastSendErrorAt },
    },
    createdAt: channel.createdAt,
    updatedAt: channel.updatedAt,
  };
}
