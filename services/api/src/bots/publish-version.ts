import type { BotVersion, PrismaClient } from '@botflow/db';
import type { BotDefinition } from '@botflow/graph';
import type { BotGraph } from '@botflow/graph/catalogue';
import { contentHash } from '@botflow/graph/publish';
import { asJson } from './bot-store.ts';

export interface PublishInput {
  botId: string;
  definition: BotDefinition;
  /** The graph the definition was compiled from, kept with the version. */
  graph: BotGraph;
  notes: string | null;
  /** Saved as the bot's draft in the same transaction (a rollback restores the version's graph). */
  draft?: BotGraph;
}

export interface Published {
  version: BotVersion;
  /** False when the definition is the current version's already: nothing new was published. */
  created: boolean;
}

/**
 * Publishes a definition as the bot's next version and makes it current. Publishes of one bot take turns on the
 * bot's row, so two at once get consecutive numbers (never a unique-key error), and the second of two identical
 * ones finds the first's version current and returns it.
 */
export async function publishVersion(db: PrismaClient, input: PublishInput): Promise<Published> {
  const hash = contentHash(input.definition);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM bots WHERE id = ${input.botId} FOR UPDATE`;
    if (input.draft) await tx.bot.update({ where: { id: input.botId }, data: { draftGraph: asJson(input.draft) } });
    const bot = await tx.bot.findUniqueOrThrow({ where: { id: input.botId }, include: { currentVersion: true } });
    if (bot.currentVersion?.contentHash === hash) return { version: bot.currentVersion, created: false };
    const latest = await tx.botVersion.aggregate({ where: { botId: input.botId }, _max: { version: true } });
    const version = await tx.botVersion.create({
      data: {
        botId: input.botId,
        version: (latest._max.version ?? 0) + 1,
        contentHash: hash,
        definition: asJson(input.definition),
        graph: asJson(input.graph),
        notes: input.notes,
      },
    });
    await tx.bot.update({ where: { id: input.botId }, data: { currentVersionId: version.id } });
    return { version, created: true };
  });
}
