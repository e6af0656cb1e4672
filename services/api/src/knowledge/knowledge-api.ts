import express, { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@botflow/db';
import type { EmbeddingModels } from '@botflow/embeddings';
import { requireOrganisation } from '../auth/require-organisation.ts';
import { documentRoutes } from './document-routes.ts';
import { IngestionStarter } from './ingestion-starter.ts';
import { knowledgeBaseRoutes } from './knowledge-base-routes.ts';
import { qualityRoutes } from './quality-routes.ts';

export interface KnowledgeApiDeps {
  db: PrismaClient;
  temporal: Client;
  models: EmbeddingModels;
  maxDocumentBytes: number;
  /** Where the worker takes ingestion workflows (INGESTION_TASK_QUEUE). */
  ingestionTaskQueue: string;
}

/** Knowledge bases, their documents and the quality loop, all behind an organisation's API token. */
export function knowledgeApiRoutes(deps: KnowledgeApiDeps): Router {
  const { db, models, maxDocumentBytes } = deps;
  const ingestion = new IngestionStarter(deps.temporal, deps.ingestionTaskQueue);
  const router = Router();
  // JSON bodies only: a document upload's raw body is read by its own route, up to the document size limit.
  router.use('/api/knowledge-bases', requireOrganisation(db), express.json({ limit: '64kb' }));
  router.use('/api/bots/:botId/unanswered', requireOrganisation(db));
  router.use(knowledgeBaseRoutes({ db, models, ingestion }));
  router.use(documentRoutes({ db, ingestion, maxDocumentBytes }));
  router.use(qualityRoutes({ db, models, ingestion }));
  return router;
}
