import type { BotVersion, Prisma, PrismaClient } from '@botflow/db';
import type { BotDefinition } from '@botflow/graph';
import { botGraphSchema, EMPTY_GRAPH, graphFromDefinition, type BotGraph } from '@botflow/graph/catalogue';
import { HttpError } from '@botflow/service-kit';

const withCurrentVersion = {
  currentVersion: { select: { id: true, version: true, contentHash: true, definition: true, graph: true } },
} satisfies Prisma.BotInclude;

export type BotWithVersion = Prisma.BotGetPayload<{ include: typeof withCurrentVersion }>;

/** The organisation's bot, or a 404: another organisation's bot is not found either, never forbidden. */
export async function findBot(
  db: PrismaClient | Prisma.TransactionClient,
  organisationId: string,
  botId: string,
): Promise<BotWithVersion> {
  const bot = await db.bot.findFirst({ where: { id: botId, organisationId }, include: withCurrentVersion });
  if (!bot) throw new HttpError(404, `there is no bot "${botId}" in this organisation`);
  return bot;
}

export async function listBots(db: PrismaClient, organisationId: string): Promise<BotWithVersion[]> {
  return db.bot.findMany({
    where: { organisationId },
    include: withCurrentVersion,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

export async function findVersion(db: PrismaClient, bot: { id: string }, version: number): Promise<BotVersion> {
  const found = await db.botVersion.findUnique({ where: { botId_version: { botId: bot.id, version } } });
  if (!found) throw new HttpError(404, `bot "${bot.id}" has no version ${version}`);
  return found;
}

/**
 * The graph the owner is editing: the saved draft; for a bot whose draft was never saved (a seeded one), its
 * current version's graph; for a new bot, an empty canvas.
 */
export function draftOf(bot: BotWithVersion): BotGraph {
  const saved = botGraphSchema.safeParse(bot.draftGraph);
  if (saved.success) return saved.data;
  return bot.currentVersion ? versionGraph(bot.currentVersion) : EMPTY_GRAPH;
}

/** The graph a version was compiled from; versions published before graphs were kept get one laid out anew. */
export function versionGraph(version: { graph: Prisma.JsonValue; definition: Prisma.JsonValue }): BotGraph {
  const stored = version.graph === null ? null : botGraphSchema.safeParse(version.graph);
  return stored?.success ? stored.data : graphFromDefinition(version.definition as unknown as BotDefinition);
}

/** A value for a Prisma JSON column (definitions and graphs are plain JSON already). */
export function asJson(value: BotDefinition | BotGraph): Prisma.InputJsonValue {
  return value as unknown as Prisma.InputJsonValue;
}

export function botSummary(bot: BotWithVersion) {
  return {
    id: bot.id,
    name: bot.name,
    currentVersion: bot.currentVersion?.version ?? null,
    createdAt: bot.createdAt,
    updatedAt: bot.updatedAt,
  };
}

export function versionSummary(version: BotVersion) {
  return {
    version: version.version,
    contentHash: version.contentHash,
    publishedAt: version.publishedAt,
    notes: version.notes,
  };
}

export function botDetail(bot: BotWithVersion) {
  return { ...botSummary(bot), draft: draftOf(bot) };
}
