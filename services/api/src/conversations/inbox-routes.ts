import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '@botflow/db';
import { HttpError } from '@botflow/service-kit';
import { organisationOf } from '../auth/require-organisation.ts';
import { messageText } from './message-view.ts';

const inboxQuery = z.object({
  state: z
    .enum(['waiting', 'active'], { message: 'state is waiting (no reply yet) or active (a person replied)' })
    .optional(),
  limit: z.coerce
    .number({ message: 'limit is a number from 1 to 500' })
    .int('limit is a whole number')
    .min(1, 'limit is at least 1')
    .max(500, 'limit is at most 500')
    .default(100),
});

/**
 * `GET /api/inbox?state=waiting|active&limit=`: the organisation's handed-over conversations, longest waiting first —
 * `waiting` has no reply from a person yet, `active` has one; without `state`, both.
 */
export function inboxRoutes(db: PrismaClient): Router {
  const router = Router();
  router.get('/api/inbox', async (req, res) => {
    const parsed = inboxQuery.safeParse(req.query);
    if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => i.message).join('; '));
    const { state, limit } = parsed.data;
    const rows = await db.conversation.findMany({
      where: {
        channel: { organisationId: organisationOf(res) },
        status: 'active',
        handoffState: state ?? { not: null },
      },
      orderBy: [{ handedOverAt: 'asc' }, { id: 'asc' }],
      take: limit,
      select: {
        id: true,
        startedAt: true,
        handoffState: true,
        handoffReason: true,
        handedOverAt: true,
        agentRepliedAt: true,
        bot: { select: { id: true, name: true } },
        botVersion: { select: { version: true } },
        contact: { select: { waId: true, name: true, lastInboundAt: true } },
        channel: { select: { phoneNumberId: true, displayPhoneNumber: true } },
      },
    });
    const last = await lastMessages(
      db,
      rows.map((r) => r.id),
    );
    res.json({
      conversations: rows.map((r) => ({
        id: r.id,
        state: r.handoffState,
        reason: r.handoffReason,
        handedOverAt: r.handedOverAt?.toISOString() ?? null,
        agentRepliedAt: r.agentRepliedAt?.toISOString() ?? null,
        startedAt: r.startedAt.toISOString(),
        bot: r.bot ? { ...r.bot, version: r.botVersion?.version ?? null } : null,
        customer: {
          waId: r.contact.waId,
          name: r.contact.name,
          lastMessageAt: r.contact.lastInboundAt?.toISOString() ?? null,
        },
        phoneNumber: r.channel,
        lastMessage: last.get(r.id) ?? null,
      })),
    });
  });
  return router;
}

interface LastMessage {
  direction: 'in' | 'out';
  text: string;
  agent: string | null;
  at: string;
}

/** Each conversation's latest message, for the inbox's preview line. */
async function lastMessages(db: PrismaClient, conversationIds: string[]): Promise<Map<string, LastMessage>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db.message.findMany({
    where: { conversationId: { in: conversationIds } },
    distinct: ['conversationId'],
    orderBy: [{ conversationId: 'asc' }, { createdAt: 'desc' }],
    select: { conversationId: true, direction: true, type: true, payload: true, agent: true, createdAt: true },
  });
  return new Map(
    rows.map((m) => [
      m.conversationId,
      {
        direction: m.direction,
        text: messageText(m.direction, m.payload),
        agent: m.agent,
        at: m.createdAt.toISOString(),
      },
    ]),
  );
}
