import { agentReplyKey, type ConversationRef, type HandoffChange } from '@botflow/contracts';
import type { Prisma } from '@botflow/db';
import { outboxInsert, type OutboxEvent } from './outbox.ts';

type Tx = Prisma.TransactionClient;

export interface AgentReplyIntent {
  key: string;
  agentReply?: { id: string; agent: string };
}

/** Whether recordHandoff has anything to write for this turn (hand-overs, agent replies, the conversation's end). */
export function writesHandoff(
  turn: { handoff?: HandoffChange[]; ended: { outcome: string } | null },
  intents: AgentReplyIntent[],
): boolean {
  return (turn.handoff?.length ?? 0) > 0 || intents.some((o) => o.agentReply) || turn.ended !== null;
}

/**
 * Keeps the agent inbox's view of a conversation (`conversations.handoff_*`) in step with the turn, with the hand-over
 * events, in the turn's transaction: safe to run again (event ids derive from the turn key or the reply key).
 */
export async function recordHandoff(
  tx: Tx,
  c: ConversationRef,
  turn: { turnKey: string; handoff?: HandoffChange[]; ended: { outcome: string } | null },
  intents: AgentReplyIntent[],
  now: number,
): Promise<void> {
  const events: OutboxEvent[] = [];
  const at = new Date(now);
  for (const change of turn.handoff ?? []) {
    if (change.kind === 'started') {
      await tx.$executeRaw`
        UPDATE conversations SET handoff_state = 'waiting', handoff_reason = ${change.reason}, handed_over_at = ${at},
               agent_replied_at = NULL, updated_at = now()
        WHERE id = ${c.id}`;
      events.push({
        name: `handoff-started:${turn.turnKey}`,
        occurredAt: now,
        payload: {
          case: 'handoffStarted',
          value: { node: change.node, reason: change.reason, trigger: change.trigger },
        },
      });
    } else {
      await tx.$executeRaw`UPDATE conversations SET handoff_state = NULL, updated_at = now() WHERE id = ${c.id}`;
      events.push({
        name: `handoff-released:${turn.turnKey}`,
        occurredAt: now,
        payload: {
          case: 'handoffReleased',
          value: { atNode: change.atNode ?? '', releasedBy: change.releasedBy ?? '' },
        },
      });
    }
  }
  for (const intent of intents) {
    const reply = intent.agentReply;
    if (!reply) continue;
    await tx.$executeRaw`UPDATE messages SET agent = ${reply.agent} WHERE idempotency_key = ${intent.key}`;
    await tx.$executeRaw`
      UPDATE conversations SET handoff_state = 'active', agent_replied_at = ${at}, updated_at = now()
      WHERE id = ${c.id} AND handoff_state IS NOT NULL`;
    events.push({
      name: `agent-replied:${intent.key}`,
      occurredAt: now,
      payload: { case: 'agentReplied', value: { replyId: reply.id, agent: reply.agent, idempotencyKey: intent.key } },
    });
  }
  if (turn.ended) {
    await tx.$executeRaw`UPDATE conversations SET handoff_state = NULL WHERE id = ${c.id} AND handoff_state IS NOT NULL`;
  }
  const insert = outboxInsert(c, events);
  if (insert) await tx.$executeRaw(insert);
}

/** Agent replies are keyed by their own id, so a reply taken twice (however it happened) is recorded and sent once. */
export function intentKey(c: ConversationRef, turnKey: string, index: number, reply?: { id: string }): string {
  return reply ? agentReplyKey(c.id, reply.id) : `${turnKey}:${index}`;
}
