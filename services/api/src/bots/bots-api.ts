import express, { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@botflow/db';
import type { Logger } from '@botflow/service-kit';
import { botsRoutes } from './bots-routes.ts';
import { compileProblemsHandler } from './compile-problems.ts';
import { publishRoutes } from './publish-routes.ts';
import { replayRoutes } from './replay-routes.ts';
import { requireOrganisation } from '../auth/require-organisation.ts';
import { versionsRoutes } from './versions-routes.ts';

export interface BotsApiDeps {
  db: PrismaClient;
  temporal: Client;
  log: Logger;
}

/** Large enough for a 2000-node graph with its options. */
const MAX_BODY = '4mb';

/** `/api/bots…`: bots, drafts, versions and replays, for the holder of an organisation API token. */
export function botsApiRoutes(deps: BotsApiDeps): Router {
  const router = Router();
  router.use('/api/bots', requireOrganisation(deps.db), express.json({ limit: MAX_BODY }));
  router.use(botsRoutes(deps.db));
  router.use(versionsRoutes(deps.db));
  router.use(publishRoutes(deps));
  router.use(replayRoutes(deps.db));
  router.use('/api/bots', compileProblemsHandler);
  return router;
}
