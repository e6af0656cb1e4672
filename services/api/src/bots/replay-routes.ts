import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '@botflow/db';
import { replayConversation } from '@botflow/graph/catalogue';
import { draftOf, findBot } from './bot-store.ts';
import { compileOrThrow } from './compile-problems.ts';
import { loadRecordedConversation } from './recorded-conversation.ts';
import { organisationOf } from '../auth/require-organisation.ts';
import { parseBody } from './request-input.ts';

const replayBody = z.object({
  conversationId: z.string().min(1, 'name the conversation to replay'),
  /** A graph to try instead of the saved draft. */
  graph: z.unknown().optional(),
});

/** "What would my draft have said?": a recorded conversation's customer messages replayed against it. */
export function replayRoutes(db: PrismaClient): Router {
  const router = Router();

  router.post('/api/bots/:botId/replay', async (req, res) => {
    const body = parseBody(replayBody, req.body);
    const organisationId = organisationOf(res);
    const bot = await findBot(db, organisationId, req.params.botId);
    const definition =
      body.graph === undefined
        ? compileOrThrow(draftOf(bot), 'the draft')
        : compileOrThrow(body.graph, 'the graph sent');
    const recorded = await loadRecordedConversation(db, organisationId, body.conversationId);
    const report = replayConversation(definition, recorded.inbound, recorded.replies, {
      contactKey: recorded.contactKey,
      vars: recorded.contactVars,
    });
    res.json({
      conversationId: recorded.id,
      replayed: body.graph === undefined ? 'draft' : 'graph',
      ...report,
      recordedUnprompted: recorded.unprompted,
    });
  });

  return router;
}
