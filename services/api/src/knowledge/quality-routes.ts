import { Router } from 'express';
import type { PrismaClient } from '@botflow/db';
import { EmbeddingModelUnavailable, type EmbeddingModels } from '@botflow/embeddings';
import { addDocument } from '@botflow/knowledge/ingestion';
import { listUnanswered, questionKey, resolveUnanswered } from '@botflow/knowledge/quality';
import { retrieve } from '@botflow/knowledge/search';
import { HttpError } from '@botflow/service-kit';
import { organisationOf } from '../auth/require-organisation.ts';
import { findBot } from '../bots/bot-store.ts';
import { parseBody } from '../bots/request-input.ts';
import type { IngestionStarter } from './ingestion-starter.ts';
import { answerBody, searchBody } from './knowledge-input.ts';
import { documentView, findKnowledgeBase } from './knowledge-store.ts';

export interface QualityRoutesDeps {
  db: PrismaClient;
  models: EmbeddingModels;
  ingestion: IngestionStarter;
}

/**
 * The owner's quality loop: test what a question retrieves, see what customers asked that the documents did not
 * answer, and answer it (a small Q&A document, ingested at once).
 */
export function qualityRoutes({ db, models, ingestion }: QualityRoutesDeps): Router {
  const router = Router();

  /** The retrieval test: the ranked passages a question finds, with their scores and whether they'd answer. */
  router.post('/api/knowledge-bases/:knowledgeBaseId/search', async (req, res) => {
    const body = parseBody(searchBody, req.body);
    const organisationId = organisationOf(res);
    const retrieval = await retrieve(db, models, {
      organisationId,
      knowledgeBaseId: req.params.knowledgeBaseId,
      query: body.query,
      topK: body.topK,
      ...(body.documentIds ? { documentIds: body.documentIds } : {}),
      ...(body.tags ? { tags: body.tags } : {}),
      ...(body.minScore === undefined ? {} : { minScore: body.minScore }),
    }).catch((error: unknown) => {
      if (error instanceof EmbeddingModelUnavailable) throw new HttpError(503, `${error.message}: set it up here`);
      throw error;
    });
    if (!retrieval) throw new HttpError(404, `no knowledge base ${req.params.knowledgeBaseId} in this organisation`);
    const { knowledgeBase, passages } = retrieval;
    res.json({
      query: body.query,
      answerThreshold: knowledgeBase.answerThreshold,
      /** Whether the bot would answer this question at all (its best passage is close enough). */
      wouldAnswer: passages.some((p) => p.similarity >= knowledgeBase.answerThreshold),
      results: passages.map((p, i) => ({
        rank: i + 1,
        score: p.score,
        similarity: p.similarity,
        aboveThreshold: p.similarity >= knowledgeBase.answerThreshold,
        documentId: p.documentId,
        documentTitle: p.documentTitle,
        chunkId: p.chunkId,
        position: p.position,
        content: p.content,
        matchedBy: [...(p.dense ? ['meaning'] : []), ...(p.lexical ? ['words'] : [])],
      })),
    });
  });

  /** "Add an answer": a Q&A document ingested at once; the question it answers is resolved. */
  router.post('/api/knowledge-bases/:knowledgeBaseId/answers', async (req, res) => {
    const body = parseBody(answerBody, req.body);
    const organisationId = organisationOf(res);
    const knowledgeBase = await findKnowledgeBase(db, organisationId, req.params.knowledgeBaseId);
    let question = body.question;
    if (body.unansweredId && body.question !== undefined) {
      throw new HttpError(400, 'give either the question or the unansweredId it answers, not both');
    }
    if (body.unansweredId) {
      const unanswered = await db.unansweredQuestion.findFirst({
        where: { id: body.unansweredId, organisationId, knowledgeBaseId: knowledgeBase.id },
      });
      if (!unanswered) throw new HttpError(404, `no unanswered question ${body.unansweredId} for this knowledge base`);
      question = unanswered.question;
    }
    if (question === undefined) throw new HttpError(400, 'write the question this answers, or give its unansweredId');
    const { document, created } = await addDocument(db, knowledgeBase.id, {
      kind: 'answer',
      question,
      answer: body.answer,
      tags: body.tags,
    });
    if (document.status === 'failed') {
      // The same answer was given before and could not be ingested: try again rather than resolve with nothing.
      await db.document.update({ where: { id: document.id }, data: { status: 'pending', error: null } });
      await ingestion.restart(document.id);
    } else if (document.status !== 'ready') {
      await ingestion.start(document.id);
    }
    const resolved = await resolveUnanswered(
      db,
      { organisationId, knowledgeBaseId: knowledgeBase.id, questionKey: questionKey(question) },
      document.id,
    );
    res.status(created ? 201 : 200).json({ document: documentView(document), created, resolved });
  });

  router.get('/api/bots/:botId/unanswered', async (req, res) => {
    const organisationId = organisationOf(res);
    const bot = await findBot(db, organisationId, req.params.botId);
    const kind = req.query.kind;
    if (kind !== undefined && kind !== 'unanswered' && kind !== 'low_confidence') {
      throw new HttpError(400, 'kind is unanswered or low_confidence');
    }
    const questions = await listUnanswered(db, {
      organisationId,
      botId: bot.id,
      ...(kind ? { kind } : {}),
      includeResolved: req.query.includeResolved === 'true',
    });
    res.json({ questions });
  });

  return router;
}
