import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '@botflow/db';
import { botGraphSchema, EMPTY_GRAPH, validateGraph } from '@botflow/graph/catalogue';
import { asJson, botDetail, botSummary, draftOf, findBot, listBots } from './bot-store.ts';
import { organisationOf } from '../auth/require-organisation.ts';
import { parseBody } from './request-input.ts';

const botName = z.string().trim().min(1, 'give the bot a name').max(100, 'a bot name holds at most 100 characters');

const createBody = z.object({ name: botName, graph: botGraphSchema.optional() });
const draftBody = z.object({ graph: botGraphSchema });
const validateBody = z.object({ graph: z.unknown().optional() });

/** Bots and their drafts: a draft is only shape-checked when saved, since the owner may still be drawing it. */
export function botsRoutes(db: PrismaClient): Router {
  const router = Router();

  router.get('/api/bots', async (_req, res) => {
    const bots = await listBots(db, organisationOf(res));
    res.json({ bots: bots.map(botSummary) });
  });

  router.post('/api/bots', async (req, res) => {
    const { name, graph } = parseBody(createBody, req.body);
    const created = await db.bot.create({
      data: { organisationId: organisationOf(res), name, draftGraph: asJson(graph ?? EMPTY_GRAPH) },
    });
    res.status(201).json({ bot: botDetail(await findBot(db, organisationOf(res), created.id)) });
  });

  router.get('/api/bots/:botId', async (req, res) => {
    res.json({ bot: botDetail(await findBot(db, organisationOf(res), req.params.botId)) });
  });

  router.put('/api/bots/:botId/draft', async (req, res) => {
    const { graph } = parseBody(draftBody, req.body);
    const bot = await findBot(db, organisationOf(res), req.params.botId);
    await db.bot.update({ where: { id: bot.id }, data: { draftGraph: asJson(graph) } });
    res.json({ bot: botDetail(await findBot(db, organisationOf(res), bot.id)) });
  });

  /** The problems publishing would report, for the draft saved or for the graph sent. */
  router.post('/api/bots/:botId/draft/validate', async (req, res) => {
    const body = parseBody(validateBody, req.body);
    const bot = await findBot(db, organisationOf(res), req.params.botId);
    res.json({ problems: validateGraph(body.graph ?? draftOf(bot)) });
  });

  return router;
}
