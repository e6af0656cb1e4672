import { Router } from 'express';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { conversationStatusQuery, releaseHandoffSignal, type ConversationStatus } from '@botflow/contracts';
import type { PrismaClient } from '@botflow/db';
import { HttpError } from '@botflow/service-kit';
import { organisationOf, requireOrganisation } from '../auth/require-organisation.ts';

interface ConversationRow {
  id: string;
  workflowId: string;
  runId: string;
  status: string;
  outcome: string | null;
}

/**
 * `/api/conversations/:id`: where a conversation stands (from its workflow while it runs), and handing a conversation
 * a human took over back to the bot.
 */
export function conversationRoutes(db: PrismaClient, temporal: Client): Router {
  const router = Router();
  router.use('/api/conversations', requireOrganisation(db));

  router.get('/api/conversations/:conversationId', async (req, res) => {
    const row = await findConversation(db, organisationOf(res), req.params.conversationId);
    res.json({ conversation: { ...row, live: await liveStatus(temporal, row) } });
  });

  router.post('/api/conversations/:conversationId/release', async (req, res) => {
    const row = await findConversation(db, organisationOf(res), req.params.conversationId);
    const live = row.status === 'active' ? await liveStatus(temporal, row) : null;
    if (!live?.handoff) {
      throw new HttpError(
        409,
        'this conversation is not waiting for a human: only a handed-over conversation is released',
      );
    }
    // By workflow id: after continue-as-new the conversation runs under a later run id.
    await temporal.workflow.getHandle(row.workflowId).signal(releaseHandoffSignal, {});
    res.status(202).json({ released: true });
  });

  return router;
}

async function findConversation(db: PrismaClient, organisationId: string, id: string): Promise<ConversationRow> {
  const row = await db.conversation.findFirst({
    where: { id, channel: { organisationId } },
    select: { id: true, workflowId: true, runId: true, status: true, outcome: true },
  });
  if (!row) throw new HttpError(404, `no conversation ${id} in this organisation`);
  return row;
}

/** The running workflow's own view; null once the run (or its continue-as-new chain) has moved on or ended. */
async function liveStatus(temporal: Client, row: ConversationRow): Promise<ConversationStatus | null> {
  if (row.status !== 'active') return null;
  try {
    return await temporal.workflow.getHandle(row.workflowId).query(conversationStatusQuery);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
}
