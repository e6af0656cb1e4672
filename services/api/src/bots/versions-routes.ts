import { Router } from 'express';
import type { PrismaClient } from '@botflow/db';
import type { BotDefinition } from '@botflow/graph';
import { diffDefinitions } from '@botflow/graph/catalogue';
import { findBot, findVersion, versionGraph, versionSummary } from './bot-store.ts';
import { organisationOf } from '../auth/require-organisation.ts';
import { versionNumber } from './request-input.ts';

/** Published versions: immutable, so these routes only read. */
export function versionsRoutes(db: PrismaClient): Router {
  const router = Router();

  router.get('/api/bots/:botId/versions', async (req, res) => {
    const bot = await findBot(db, organisationOf(res), req.params.botId);
    const versions = await db.botVersion.findMany({ where: { botId: bot.id }, orderBy: { version: 'desc' } });
    res.json({
      currentVersion: bot.currentVersion?.version ?? null,
      versions: versions.map(versionSummary),
    });
  });

  router.get('/api/bots/:botId/versions/:version', async (req, res) => {
    const bot = await findBot(db, organisationOf(res), req.params.botId);
    const version = await findVersion(db, bot, versionNumber(req.params.version));
    res.json({
      ...versionSummary(version),
      current: bot.currentVersion?.id === version.id,
      definition: version.definition,
      graph: versionGraph(version),
    });
  });

  /** What changed from version a to version b. */
  router.get('/api/bots/:botId/versions/:a/diff/:b', async (req, res) => {
    const bot = await findBot(db, organisationOf(res), req.params.botId);
    const [a, b] = [versionNumber(req.params.a), versionNumber(req.params.b)];
    const [before, after] = await Promise.all([findVersion(db, bot, a), findVersion(db, bot, b)]);
    const diff = diffDefinitions(
      before.definition as unknown as BotDefinition,
      after.definition as unknown as BotDefinition,
    );
    res.json({ from: a, to: b, ...diff });
  });

  return router;
}
