import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '@botflow/db';
import { HttpError } from '@botflow/service-kit';
import { organisationOf } from '../auth/require-organisation.ts';
import { findConversation } from './conversation-store.ts';
import { chronological, messageView } from './message-view.ts';

const historyQuery = z.object({
  limit: z.coerce
    .number({ message: 'limit is a number from 1 to 2000' })
    .int('limit is a whole number')
    .min(1, 'limit is at least 1')
    .max(2000, 'limit is at most 2000')
    .default(500),
});

/**
 * `GET /api/conversations/:id/messages?limit=`: the conversation's latest messages, oldest first, the customer's and
 * the bot's and the people's, each with its delivery status. `more` says older ones were left out.
 */
export function messageHistoryRoutes(db: PrismaClient): Router {
  const router = Router();
  router.get('/api/conversations/:conversationId/messages', async (req, res) => {
    const parsed = historyQuery.safeParse(req.query);
    if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => i.message).join('; '));
    const row = await findConversation(db, organisationOf(res), req.params.conversationId);
    const { limit } = parsed.data;
    // Messages recorded together share a time and are ordered by their keys: cut at a time, then order and trim.
    const newest = await db.message.findMany({
      where: { conversationId: row.id },
      orderBy: { createdAt: 'desc' },
      take: limit + 1,
      select: { createdAt: true },
    });
    const since = newest[Math.min(limit, newest.length) - 1]?.createdAt;
    const rows = since
      ? await db.message.findMany({ where: { conversationId: row.id, createdAt: { gte: since } } })
      : [];
    const messages = rows.sort(chronological).slice(-limit).map(messageView);
    res.json({ conversationId: row.id, messages, more: newest.length > limit });
  });
  return router;
}
