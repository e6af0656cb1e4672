import express, { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@botflow/db';
import { organisationOf, requireOrganisation } from '../auth/require-organisation.ts';
import { findConversation, handoffView, liveStatus } from './conversation-store.ts';
import { handoffRoutes } from './handoff-routes.ts';
import { inboxRoutes } from './inbox-routes.ts';
import { messageHistoryRoutes } from './message-history-routes.ts';

/** An agent's reply is at most a WhatsApp text (4096 characters) plus a little JSON. */
const MAX_BODY = '64kb';

/**
 * `/api/conversations/:id…` and `/api/inbox`: where a conversation stands (from its workflow while it runs), its
 * messages, and the agent inbox: handed-over conversations, a person's replies, handing back to the bot.
 */
export function conversationRoutes(db: PrismaClient, temporal: Client): Router {
  const router = Router();
  router.use(['/api/conversations', '/api/inbox'], requireOrganisation(db), express.json({ limit: MAX_BODY }));

  router.get('/api/conversations/:conversationId', async (req, res) => {
    const row = await findConversation(db, organisationOf(res), req.params.conversationId);
    const { handoffState: _state, handoffReason: _reason, handedOverAt: _at, agentRepliedAt: _replied, ...rest } = row;
    res.json({ conversation: { ...rest, handoff: handoffView(row), live: await liveStatus(temporal, row) } });
  });

  router.use(messageHistoryRoutes(db));
  router.use(handoffRoutes(db, temporal));
  router.use(inboxRoutes(db));
  return router;
}
