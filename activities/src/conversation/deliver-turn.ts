import type { ConversationRef, InboundSignal } from '@botflow/contracts';
import { Prisma, type PrismaClient } from '@botflow/db';
import type { OutboundContent, VarValue } from '@botflow/graph';
import { outboxInsert, type OutboxEvent } from './outbox.ts';
import { sendOutbound, type OutboundSender, type SendOutcome } from './send-outbound.ts';

export interface TurnOutbound {
  content: OutboundContent;
  replyTo?: { id: string; receivedAt: number };
}

export interface TurnInput {
  conversation: ConversationRef;
  /** Unique per turn of this conversation: outbound idempotency keys derive from it. */
  turnKey: string;
  isFirstTurn: boolean;
  inbound: InboundSignal[];
  outbound: TurnOutbound[];
  ended: { outcome: string } | null;
  /** Contact profile fields the bot set during the turn. */
  profileChanges?: Record<string, VarValue>;
}

export interface TurnResult {
  sent: { key: string; outcome: SendOutcome }[];
}

type Intent = TurnOutbound & { key: string };
type Tx = Prisma.TransactionClient;

/**
 * Everything a turn does to the outside world, safe to run again after any crash: the customer's messages and the
 * outbound intents are recorded (with their events) before anything is sent; each intent is sent at most once
 * (see sendOutbound); the conversation's end is recorded with its event.
 */
export async function deliverTurn(db: PrismaClient, sender: OutboundSender, turn: TurnInput): Promise<TurnResult> {
  const c = turn.conversation;
  const now = Date.now();
  const intents: Intent[] = turn.outbound.map((o, i) => ({ ...o, key: `${turn.turnKey}:${i}` }));

  const firstAttempts = await db.$transaction(async (tx) => {
    const events: OutboxEvent[] = [];
    if (turn.isFirstTurn) {
      events.push({ name: `started:${c.id}`, occurredAt: now, payload: { case: 'conversationStarted', value: {} } });
    }
    events.push(...(await recordInbound(tx, c, turn.inbound, now)));
    const insert = outboxInsert(c, events);
    if (insert) await tx.$executeRaw(insert);
    if (turn.profileChanges && Object.keys(turn.profileChanges).length > 0) {
      await tx.$executeRaw`UPDATE contacts SET profile = profile || ${JSON.stringify(turn.profileChanges)}::jsonb,
                             updated_at = now() WHERE id = ${c.contactId}`;
    }
    return recordIntents(tx, c, intents);
  });

  const sent: TurnResult['sent'] = [];
  for (const intent of intents) {
    const outcome = await sendOutbound(db, sender, c, intent, firstAttempts.has(intent.key));
    sent.push({ key: intent.key, outcome });
  }

  if (turn.ended) await recordEnd(db, c, turn.ended.outcome, now);
  return { sent };
}

async function recordInbound(
  tx: Tx,
  c: ConversationRef,
  inbound: InboundSignal[],
  now: number,
): Promise<OutboxEvent[]> {
  if (inbound.length === 0) return [];
  const rows = inbound.map(
    (m) => Prisma.sql`(gen_random_uuid()::text, ${c.id}, 'in'::message_direction, ${m.id}, ${m.type},
                       ${JSON.stringify({ text: m.text, optionId: m.optionId ?? null })}::jsonb,
                       to_timestamp(${m.receivedAt / 1000}))`,
  );
  await tx.$executeRaw`
    INSERT INTO messages (id, conversation_id, direction, wamid, type, payload, created_at)
    VALUES ${Prisma.join(rows)} ON CONFLICT (wamid) DO NOTHING`;
  await tx.$executeRaw`UPDATE contacts SET last_inbound_at = ${new Date(now)} WHERE id = ${c.contactId}`;
  return inbound.map((m) => ({
    name: `received:${m.id}`,
    occurredAt: m.receivedAt,
    payload: { case: 'messageReceived', value: { wamid: m.id, messageType: m.type } },
  }));
}

/** Returns the keys written now: first attempts. Keys already present belong to an earlier, interrupted attempt. */
async function recordIntents(tx: Tx, c: ConversationRef, intents: Intent[]): Promise<Set<string>> {
  if (intents.length === 0) return new Set();
  const rows = intents.map(
    (o) => Prisma.sql`(gen_random_uuid()::text, ${c.id}, 'out'::message_direction, ${o.key}, ${o.content.kind},
                       ${JSON.stringify(o.content)}::jsonb, ${o.replyTo?.id ?? null}, now())`,
  );
  const inserted = await tx.$queryRaw<{ idempotency_key: string }[]>`
    INSERT INTO messages (id, conversation_id, direction, idempotency_key, type, payload, reply_to_wamid, send_attempted_at)
    VALUES ${Prisma.join(rows)} ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING idempotency_key`;
  return new Set(inserted.map((r) => r.idempotency_key));
}

async function recordEnd(db: PrismaClient, c: ConversationRef, outcome: string, now: number): Promise<void> {
  const insert = outboxInsert(c, [
    { name: `ended:${c.id}`, occurredAt: now, payload: { case: 'conversationEnded', value: { outcome } } },
  ]);
  await db.$transaction([
    db.$executeRaw`
      UPDATE conversations SET status = 'completed', ended_at = ${new Date(now)}, outcome = ${outcome}, updated_at = now()
      WHERE id = ${c.id} AND ended_at IS NULL`,
    ...(insert ? [db.$executeRaw(insert)] : []),
  ]);
}
