import type { Prisma, PrismaClient } from '@botflow/db';
import { DEMO_BOT, type BotDefinition } from '@botflow/graph';
import { contentHash } from '@botflow/graph/publish';
import type { SecretBox } from '@botflow/secrets';

export interface DemoChannel {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
}

export interface DemoIds {
  organisationId: string;
  botId: string;
}

export const DEMO_IDS: DemoIds = { organisationId: 'org_demo', botId: 'bot_demo' };

/**
 * The demo `npm start` ends with: an organisation, the demo bot published as version 1, bound to the emulator's
 * phone number. Idempotent: running it again changes nothing (a changed demo definition becomes a new version).
 */
export async function seedDemo(
  db: PrismaClient,
  secrets: SecretBox,
  channel: DemoChannel,
  { organisationId: ORG_ID, botId: BOT_ID }: DemoIds = DEMO_IDS,
  definition: BotDefinition = DEMO_BOT,
): Promise<{ botId: string; version: number }> {
  const hash = contentHash(definition);
  return db.$transaction(async (tx) => {
    await tx.organisation.upsert({
      where: { id: ORG_ID },
      update: {},
      create: { id: ORG_ID, name: 'Sunny Guesthouse (demo)', slug: `sunny-guesthouse-${ORG_ID}` },
    });
    await tx.bot.upsert({
      where: { id: BOT_ID },
      update: {},
      create: { id: BOT_ID, organisationId: ORG_ID, name: 'Guesthouse assistant' },
    });
    const latest = await tx.botVersion.findFirst({ where: { botId: BOT_ID }, orderBy: { version: 'desc' } });
    let version = latest;
    if (!latest || latest.contentHash !== hash) {
      version = await tx.botVersion.create({
        data: {
          botId: BOT_ID,
          version: (latest?.version ?? 0) + 1,
          contentHash: hash,
          definition: definition as unknown as Prisma.InputJsonObject,
        },
      });
    }
    if (!version) throw new Error('demo version missing');
    await tx.bot.update({ where: { id: BOT_ID }, data: { currentVersionId: version.id } });

    const existing = await tx.whatsappChannel.findUnique({ where: { phoneNumberId: channel.phoneNumberId } });
    const id = existing?.id ?? `ch_${channel.phoneNumberId}`;
    const sealed = {
      accessTokenCiphertext: new Uint8Array(secrets.seal(channel.accessToken, id)),
      appSecretCiphertext: new Uint8Array(secrets.seal(channel.appSecret, id)),
      verifyTokenCiphertext: new Uint8Array(secrets.seal(channel.verifyToken, id)),
    };
    await tx.whatsappChannel.upsert({
      where: { phoneNumberId: channel.phoneNumberId },
      update: { ...sealed, boundBotId: BOT_ID },
      create: {
        id,
        organisationId: ORG_ID,
        phoneNumberId: channel.phoneNumberId,
        wabaId: channel.wabaId,
        displayPhoneNumber: channel.displayPhoneNumber,
        boundBotId: BOT_ID,
        ...sealed,
      },
    });
    return { botId: BOT_ID, version: version.version };
  });
}
