import { readFile } from 'node:fs/promises';
import type { Prisma, PrismaClient } from '@botflow/db';
import { DEMO_BOT, DEMO_KNOWLEDGE_BASE_ID, type BotDefinition } from '@botflow/graph';
import { addDocument } from '@botflow/knowledge/ingestion';
import { graphFromDefinition } from '@botflow/graph/catalogue';
import { contentHash } from '@botflow/graph/publish';
import type { SecretBox } from '@botflow/secrets';
import { deriveApiToken, hashApiToken } from '../auth/api-tokens.ts';

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
 * phone number. Idempotent: running it again changes nothing (a changed demo definition becomes a new version;
 * versions the owner published meanwhile stay current otherwise).
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
    const current = await currentDemoVersion(tx, BOT_ID, definition, hash);

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
    return { botId: BOT_ID, version: current.version };
  });
}

/**
 * The demo bot's knowledge base with the guesthouse's handbook (idempotent: the same handbook is stored once).
 * Returns the handbook's document id while it still needs ingesting, for the caller to start that.
 */
export async function seedDemoKnowledge(
  db: PrismaClient,
  organisationId: string = DEMO_IDS.organisationId,
): Promise<string | null> {
  await db.knowledgeBase.upsert({
    where: { id: DEMO_KNOWLEDGE_BASE_ID },
    update: {},
    create: {
      id: DEMO_KNOWLEDGE_BASE_ID,
      organisationId,
      name: 'Guesthouse handbook',
      embeddingModel: 'all-MiniLM-L6-v2',
      dimension: 384,
    },
  });
  const bytes = await readFile(new URL('./demo-handbook.md', import.meta.url));
  const { document } = await addDocument(db, DEMO_KNOWLEDGE_BASE_ID, {
    kind: 'upload',
    bytes,
    filename: 'Sunny Guesthouse handbook.md',
  });
  return document.status === 'ready' ? null : document.id;
}

/** Marks the versions the seed published, so it can tell them from the owner's. */
export const DEMO_SEED_NOTES = 'published by the demo seed';

async function currentDemoVersion(
  tx: Prisma.TransactionClient,
  botId: string,
  definition: BotDefinition,
  hash: string,
): Promise<{ version: number }> {
  // Taken in turn with publishes through the API (publishVersion locks the same row).
  await tx.$queryRaw`SELECT id FROM bots WHERE id = ${botId} FOR UPDATE`;
  const bot = await tx.bot.findUniqueOrThrow({ where: { id: botId }, include: { currentVersion: true } });
  const latest = await tx.botVersion.findFirst({ where: { botId }, orderBy: { version: 'desc' } });
  // Versions seeded before notes existed have none: the latest stands in for the last seeded one.
  const seeded =
    (await tx.botVersion.findFirst({ where: { botId, notes: DEMO_SEED_NOTES }, orderBy: { version: 'desc' } })) ??
    latest;
  if (seeded && seeded.contentHash === hash && bot.currentVersion) return bot.currentVersion;
  if (seeded && seeded.contentHash === hash) {
    await tx.bot.update({ where: { id: botId }, data: { currentVersionId: seeded.id } });
    return seeded;
  }
  const version = await tx.botVersion.create({
    data: {
      botId,
      version: (latest?.version ?? 0) + 1,
      contentHash: hash,
      definition: definition as unknown as Prisma.InputJsonObject,
      graph: graphFromDefinition(definition) as unknown as Prisma.InputJsonObject,
      notes: DEMO_SEED_NOTES,
    },
  });
  await tx.bot.update({ where: { id: botId }, data: { currentVersionId: version.id } });
  return version;
}

export const DEMO_TOKEN_NAME = 'demo (npm start)';

/**
 * The demo organisation's API token, derived from this machine's secrets key: nothing to store, the same token
 * every `npm start`, and a new one (the old revoked by {@link seedDemoApiToken}) when the key changes.
 */
export function demoApiToken(secretsKey: string, organisationId: string = DEMO_IDS.organisationId): string {
  return deriveApiToken(secretsKey, `demo:${organisationId}`);
}

/**
 * Records the demo token's hash for the organisation (idempotent) and revokes demo tokens derived from an earlier
 * key. A demo token the owner revoked stays revoked: the answer says so.
 */
export async function seedDemoApiToken(
  db: PrismaClient,
  token: string,
  organisationId: string = DEMO_IDS.organisationId,
): Promise<{ revoked: boolean }> {
  const tokenHash = hashApiToken(token);
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.upsert({
      where: { tokenHash },
      update: {},
      create: { organisationId, name: DEMO_TOKEN_NAME, tokenHash },
    });
    if (row.revokedAt) return { revoked: true };
    await tx.apiToken.updateMany({
      where: { organisationId, name: DEMO_TOKEN_NAME, revokedAt: null, NOT: { tokenHash } },
      data: { revokedAt: new Date() },
    });
    return { revoked: false };
  });
}
