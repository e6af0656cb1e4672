import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { conversationStatusQuery, type ConversationStatus } from '@botflow/contracts';
import type { PrismaClient } from '@botflow/db';
import { HttpError } from '@botflow/service-kit';

export interface ConversationRow {
  id: string;
  workflowId: string;
  runId: string;
  status: string;
  outcome: string | null;
  botVersionId: string | null;
  handoffState: 'waiting' | 'active' | null;
  handoffReason: string | null;
  handedOverAt: Date | null;
  agentRepliedAt: Date | null;
}

/** The organisation's conversation, or a 404 (also for another organisation's: ids are not secrets, data is). */
export async function findConversation(db: PrismaClient, organisationId: string, id: string): Promise<ConversationRow> {
  const row = await db.conversation.findFirst({
    where: { id, channel: { organisationId } },
    select: {
      id: true,
      workflowId: true,
      runId: true,
      status: true,
      outcome: true,
      botVersionId: true,
      handoffState: true,
      handoffReason: true,
      handedOverAt: true,
      agentRepliedAt: true,
    },
  });
  if (!row) throw new HttpError(404, `no conversation ${id} in this organisation`);
  return row;
}

/** The running workflow's own view; null once the run (or its continue-as-new chain) has moved on or ended. */
export async function liveStatus(temporal: Client, row: ConversationRow): Promise<ConversationStatus | null> {
  if (row.status !== 'active') return null;
  try {
    return await temporal.workflow.getHandle(row.workflowId).query(conversationStatusQuery);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
}

/** The hand-over as the agent inbox shows it, or null while the bot has the conversation. */
export function handoffView(row: ConversationRow) {
  if (row.handoffState === null) return null;
  return {
    state: row.handoffState,
    reason: row.handoffReason,
    handedOverAt: row.handedOverAt?.toISOString() ?? null,
    agentRepliedAt: row.agentRepliedAt?.toISOString() ?? null,
  };
}
