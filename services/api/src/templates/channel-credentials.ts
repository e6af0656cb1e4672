import type { PrismaClient } from '@botflow/db';
import type { SecretBox } from '@botflow/secrets';
import { HttpError } from '@botflow/service-kit';

export interface ChannelCredentials {
  wabaId: string;
  accessToken: string;
}

/** The organisation's channel's business account and access token, or a 404 (another organisation's too). */
export async function channelCredentials(
  db: PrismaClient,
  secrets: SecretBox,
  organisationId: string,
  channelId: string,
): Promise<ChannelCredentials> {
  const channel = await db.whatsappChannel.findFirst({
    where: { id: channelId, organisationId },
    select: { id: true, wabaId: true, accessTokenCiphertext: true },
  });
  if (!channel) throw new HttpError(404, `there is no channel "${channelId}" in this organisation`);
  return { wabaId: channel.wabaId, accessToken: secrets.open(channel.accessTokenCiphertext, channel.id) };
}
