import { Router, type Response } from 'express';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { PrismaClient } from '@botflow/db';
import type { BotDefinition } from '@botflow/graph';
import { HttpError, type Logger } from '@botflow/service-kit';
import { draftOf, findBot, findVersion, versionGraph, versionSummary } from './bot-store.ts';
import { compileOrThrow } from './compile-problems.ts';
import { moveRunningConversations } from './move-running.ts';
import { publishVersion, type Published } from './publish-version.ts';
import { organisationOf } from '../auth/require-organisation.ts';
import { parseBody, versionNumber } from './request-input.ts';

export interface PublishDeps {
  db: PrismaClient;
  temporal: Client;
  log: Logger;
}

const moveOptions = {
  /** Move running conversations to the new version at their next question. */
  moveRunning: z.boolean().default(false),
  /** Old node id → new node id, for questions that were renamed. */
  nodeMapping: z.record(z.string(), z.string()).optional(),
};
const publishBody = z.object({
  notes: z.string().trim().max(2000, 'notes hold at most 2000 characters').optional(),
  ...moveOptions,
});
const rollbackBody = z.object(moveOptions);
type MoveOptions = z.output<typeof rollbackBody>;

/** Publishing the draft, and rolling back to an earlier version (published anew, so history only grows). */
export function publishRoutes(deps: PublishDeps): Router {
  const router = Router();

  router.post('/api/bots/:botId/versions', async (req, res) => {
    const body = parseBody(publishBody, req.body);
    const bot = await findBot(deps.db, organisationOf(res), req.params.botId);
    const graph = draftOf(bot);
    const definition = compileOrThrow(graph, 'the draft');
    checkMapping(body, definition);
    const published = await publishVersion(deps.db, { botId: bot.id, definition, graph, notes: body.notes ?? null });
    await respondPublished(res, deps, bot.id, published, body);
  });

  router.post('/api/bots/:botId/versions/:version/rollback', async (req, res) => {
    const body = parseBody(rollbackBody, req.body);
    const bot = await findBot(deps.db, organisationOf(res), req.params.botId);
    const target = await findVersion(deps.db, bot, versionNumber(req.params.version));
    const definition = target.definition as unknown as BotDefinition;
    checkMapping(body, definition);
    const graph = versionGraph(target);
    const notes = `rollback to v${target.version}`;
    const published = await publishVersion(deps.db, { botId: bot.id, definition, graph, notes, draft: graph });
    await respondPublished(res, deps, bot.id, published, body);
  });

  return router;
}

/** 201 with the new version, or 200 with the current one when nothing changed; then the running conversations. */
async function respondPublished(
  res: Response,
  deps: PublishDeps,
  botId: string,
  published: Published,
  options: MoveOptions,
) {
  const { version } = published;
  const moved = options.moveRunning
    ? await moveRunningConversations(deps.db, deps.temporal, deps.log, botId, {
        botVersionId: version.id,
        version: version.version,
        ...(options.nodeMapping ? { nodeMapping: options.nodeMapping } : {}),
      })
    : undefined;
  res.status(published.created ? 201 : 200).json({
    version: versionSummary(version),
    created: published.created,
    ...(moved ? { moved } : {}),
  });
}

function checkMapping(options: MoveOptions, definition: BotDefinition): void {
  if (!options.nodeMapping) return;
  if (!options.moveRunning)
    throw new HttpError(400, 'nodeMapping is for moving running conversations: add moveRunning: true');
  const missing = Object.values(options.nodeMapping).filter((id) => !(id in definition.nodes));
  if (missing.length > 0) {
    throw new HttpError(400, `nodeMapping leads to nodes the new version does not have: ${missing.join(', ')}`);
  }
}
