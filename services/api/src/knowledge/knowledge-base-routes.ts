import { Router } from 'express';
import { Prisma, type PrismaClient } from '@botflow/db';
import type { EmbeddingModels } from '@botflow/embeddings';
import { beginReindex } from '@botflow/knowledge/ingestion';
import { SUPPORTED_DIMENSIONS } from '@botflow/knowledge/search';
import { HttpError } from '@botflow/service-kit';
import { organisationOf } from '../auth/require-organisation.ts';
import { parseBody } from '../bots/request-input.ts';
import type { IngestionStarter } from './ingestion-starter.ts';
import { createKnowledgeBaseBody, updateKnowledgeBaseBody } from './knowledge-input.ts';
import { documentCounts, findKnowledgeBase, knowledgeBaseView, unfinishedDocuments } from './knowledge-store.ts';

export interface KnowledgeBaseRoutesDeps {
  db: PrismaClient;
  models: EmbeddingModels;
  ingestion: IngestionStarter;
}

/** `/api/knowledge-bases`: create, list, read, rename, retune, switch embedding model (re-index) and delete. */
export function knowledgeBaseRoutes({ db, models, ingestion }: KnowledgeBaseRoutesDeps): Router {
  const router = Router();

  router.get('/api/knowledge-bases/embedding-models', (_req, res) => {
    res.json({ defaultModel: models.defaultModel, models: models.list() });
  });

  router.get('/api/knowledge-bases', async (_req, res) => {
    const knowledgeBases = await db.knowledgeBase.findMany({
      where: { organisationId: organisationOf(res) },
      orderBy: { createdAt: 'asc' },
    });
    const counts = await documentCounts(
      db,
      knowledgeBases.map((kb) => kb.id),
    );
    res.json({ knowledgeBases: knowledgeBases.map((kb) => knowledgeBaseView(kb, counts.get(kb.id))) });
  });

  router.post('/api/knowledge-bases', async (req, res) => {
    const body = parseBody(createKnowledgeBaseBody, req.body);
    const model = embeddingModel(models, body.embeddingModel ?? models.defaultModel);
    checkThresholds(body.answerThreshold ?? 0.35, body.confidentThreshold ?? 0.5);
    try {
      const knowledgeBase = await db.knowledgeBase.create({
        data: {
          organisationId: organisationOf(res),
          name: body.name,
          embeddingModel: model.name,
          dimension: model.dimensions,
          ...(body.answerThreshold === undefined ? {} : { answerThreshold: body.answerThreshold }),
          ...(body.confidentThreshold === undefined ? {} : { confidentThreshold: body.confidentThreshold }),
        },
      });
      res.status(201).json({ knowledgeBase: knowledgeBaseView(knowledgeBase, undefined) });
    } catch (error) {
      throw nameTaken(error, body.name);
    }
  });

  router.get('/api/knowledge-bases/:knowledgeBaseId', async (req, res) => {
    const knowledgeBase = await findKnowledgeBase(db, organisationOf(res), req.params.knowledgeBaseId);
    const counts = await documentCounts(db, [knowledgeBase.id]);
    res.json({ knowledgeBase: knowledgeBaseView(knowledgeBase, counts.get(knowledgeBase.id)) });
  });

  /**
   * A new embedding model re-indexes every document: 202 while that runs in the background. Sending the current model
   * again resumes documents an interruption left unfinished.
   */
  router.patch('/api/knowledge-bases/:knowledgeBaseId', async (req, res) => {
    const body = parseBody(updateKnowledgeBaseBody, req.body);
    const current = await findKnowledgeBase(db, organisationOf(res), req.params.knowledgeBaseId);
    checkThresholds(
      body.answerThreshold ?? current.answerThreshold,
      body.confidentThreshold ?? current.confidentThreshold,
    );
    const model = body.embeddingModel === undefined ? undefined : embeddingModel(models, body.embeddingModel);
    try {
      await db.knowledgeBase.update({
        where: { id: current.id },
        data: {
          ...(body.name === undefined ? {} : { name: body.name }),
          ...(body.answerThreshold === undefined ? {} : { answerThreshold: body.answerThreshold }),
          ...(body.confidentThreshold === undefined ? {} : { confidentThreshold: body.confidentThreshold }),
        },
      });
    } catch (error) {
      throw nameTaken(error, body.name);
    }
    let reindexing: string[] = [];
    if (model && model.name !== current.embeddingModel) {
      reindexing = await beginReindex(db, current.id, model);
    } else if (model) {
      // The same model again resumes a re-index (or an ingestion) that an interruption left unfinished.
      reindexing = await unfinishedDocuments(db, current.id);
    }
    for (const documentId of reindexing) await ingestion.restart(documentId);
    const knowledgeBase = await findKnowledgeBase(db, organisationOf(res), current.id);
    const counts = await documentCounts(db, [knowledgeBase.id]);
    res
      .status(reindexing.length > 0 ? 202 : 200)
      .json({ knowledgeBase: knowledgeBaseView(knowledgeBase, counts.get(knowledgeBase.id)), reindexing });
  });

  router.delete('/api/knowledge-bases/:knowledgeBaseId', async (req, res) => {
    const knowledgeBase = await findKnowledgeBase(db, organisationOf(res), req.params.knowledgeBaseId);
    const documents = await db.document.findMany({
      where: { knowledgeBaseId: knowledgeBase.id },
      select: { id: true },
    });
    for (const { id } of documents) await ingestion.stop(id, 'knowledge base deleted');
    await db.knowledgeBase.delete({ where: { id: knowledgeBase.id } });
    res.status(204).end();
  });

  return router;
}

function embeddingModel(models: EmbeddingModels, name: string) {
  const model = models.describe(name);
  if (!model) {
    const available = models
      .list()
      .map((m) => m.name)
      .join(', ');
    throw new HttpError(400, `embedding model "${name}" is not available on this server; choose one of ${available}`);
  }
  if (!SUPPORTED_DIMENSIONS.includes(model.dimensions)) {
    throw new HttpError(
      400,
      `embedding model "${name}" makes ${model.dimensions}-long vectors; knowledge bases support ${SUPPORTED_DIMENSIONS.join(', ')}`,
    );
  }
  return model;
}

/** A 409 for a name the organisation already uses; anything else as it was. */
function nameTaken(error: unknown, name: string | undefined): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    return new HttpError(409, `a knowledge base named "${name}" already exists: choose another name`);
  }
  return error;
}

function checkThresholds(answer: number, confident: number): void {
  if (confident < answer) {
    throw new HttpError(400, `confidentThreshold (${confident}) must be at least answerThreshold (${answer})`);
  }
}
