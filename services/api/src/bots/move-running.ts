import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { moveToVersionSignal, type VersionMove } from '@botflow/contracts';
import type { PrismaClient } from '@botflow/db';
import type { Logger } from '@botflow/service-kit';

export interface RunningMove {
  /** Conversations told to move at their next question. */
  signalled: number;
  /** Recorded as active but no longer running in Temporal (they ended meanwhile). */
  notRunning: number;
  /** Temporal refused the signal (logged); these conversations stay on their version. */
  failed: number;
}

/** Signals at a time: enough to be quick, few enough not to flood the Temporal frontend. */
const SIGNALS_IN_PARALLEL = 20;

/** Asks every running conversation of the bot that is on another version to move to `move` at its next question. */
export async function moveRunningConversations(
  db: PrismaClient,
  temporal: Client,
  log: Logger,
  botId: string,
  move: VersionMove,
): Promise<RunningMove> {
  const rows = await db.conversation.findMany({
    where: {
      botId,
      status: 'active',
      OR: [{ botVersionId: null }, { botVersionId: { not: move.botVersionId } }],
    },
    select: { workflowId: true },
    distinct: ['workflowId'],
  });
  const result: RunningMove = { signalled: 0, notRunning: 0, failed: 0 };
  for (let i = 0; i < rows.length; i += SIGNALS_IN_PARALLEL) {
    const batch = rows.slice(i, i + SIGNALS_IN_PARALLEL);
    const outcomes = await Promise.allSettled(
      batch.map((r) => temporal.workflow.getHandle(r.workflowId).signal(moveToVersionSignal, move)),
    );
    for (const [j, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') result.signalled += 1;
      else if (outcome.reason instanceof WorkflowNotFoundError) result.notRunning += 1;
      else {
        result.failed += 1;
        log.error({ err: outcome.reason, workflowId: batch[j]?.workflowId }, 'version move signal failed');
      }
    }
  }
  return result;
}
