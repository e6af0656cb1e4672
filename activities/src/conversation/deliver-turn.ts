import { Context } from '@temporalio/activity';
import type { ConversationRef, HandoffChange, InboundSignal } from '@botflow/contracts';
import { Prisma, type PrismaClient } from '@botflow/db';
import type { OutboundContent, VarValue } from '@botflow/graph';
import { intentKey, recordHandoff, writesHandoff } from './handoff-record.ts';
import { outboxInsert, type OutboxEvent } from './outbox.ts';
import { sendOutbound, type OutboundSender, type SendConditions, type SendOutcome } from './send-outbound.ts';

/** Meta's customer-service window, less a minute for clock skew and the send's own time. */
const WINDOW_MS = 24 * 3600_000 - 60_000;
const DEFAULT_THROTTLE_WAIT_MS = 5000;

export interface TurnOutbound {
  content: OutboundContent;
  replyTo?: { id: string; receivedAt: number };
  /** A person's reply from the agent inbox: keyed by its own id instead of the turn's. */
  agentReply?: { id: string; agent: string };
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
  /** Hand-overs that started or were released in this turn, in order. */
  handoff?: HandoffChange[];
}

export interface TurnResult {
  sent: { key: string; outcome: SendOutcome }[];
  /**
   * Set when a free-form message could not be sent because the customer's 24-hour window is closed and it had no
   * template fallback (its outcome is `outside_window`): the conversation cannot go on until the customer writes.
   */
  outsideWindow?: true;
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
  const intents: Intent[] = turn.outbound.map((o, i) => ({ ...o, key: intentKey(c, turn.turnKey, i, o.agentReply) }));

  const firstAttempts = needsTransaction(turn, intents)
    ? await db.$transaction(async (tx) => {
        const recorded = await recordTurn(tx, c, turn, intents, now);
        if (turn.profileChanges && Object.keys(turn.profileChanges).length > 0) {
          await tx.$executeRaw`UPDATE contacts SET profile = profile || ${JSON.stringify(turn.profileChanges)}::jsonb,
                                 updated_at = now() WHERE id = ${c.contactId}`;
        }
        await recordHandoff(tx, c, turn, intents, now);
        return recorded;
      })
    : await recordTurn(db, c, turn, intents, now);

  const conditions = await sendConditions(db, sender, turn, intents);
  const sent: TurnResult['sent'] = [];
  for (const [i, intent] of intents.entries()) {
    try {
      const outcome = await sendOutbound(db, sender, c, intent, firstAttempts.keys.has(intent.key), conditions);
      sent.push({ key: intent.key, outcome });
    } catch (err) {
      await releaseUntried(db, firstAttempts, intents.slice(i + 1)).catch(() => undefined);
      throw err;
    }
  }

  if (turn.ended) await recordEnd(db, c, turn.ended.outcome, now);
  return { sent, ...(sent.some((s) => s.outcome === 'outside_window') ? { outsideWindow: true as const } : {}) };
}

/** Whether free-form messages may go (the customer wrote within 24 hours), and how this attempt waits for slots. */
async function sendConditions(
  db: PrismaClient,
  sender: OutboundSender,
  turn: TurnInput,
  intents: Intent[],
): Promise<SendConditions> {
  const now = Date.now();
  const activity = currentActivity();
  const conditions = {
    throttleDeadline: now + (sender.maxThrottleWaitMs ?? DEFAULT_THROTTLE_WAIT_MS),
    attempt: activity.attempt,
    ...(activity.signal ? { signal: activity.signal } : {}),
  };
  const lastWritten = Math.max(0, ...turn.inbound.map(customerTime));
  if (now - lastWritten < WINDOW_MS || intents.every((o) => o.content.kind === 'template')) {
    return { ...conditions, windowOpen: true };
  }
  const [contact] = await db.$queryRaw<{ last_inbound_at: Date | null }[]>`
    SELECT last_inbound_at FROM contacts WHERE id = ${turn.conversation.contactId}`;
  const last = contact?.last_inbound_at?.getTime();
  return { ...conditions, windowOpen: last !== undefined && now - last < WINDOW_MS };
}

function currentActivity(): { attempt: number; signal?: AbortSignal } {
  try {
    const context = Context.current();
    return { attempt: context.info.attempt, signal: context.cancellationSignal };
  } catch {
    return { attempt: 1 }; // called outside an activity (tests, benchmarks)
  }
}

/** Meta's time of the customer's message, which the 24-hour window runs from; our receipt time when absent. */
function customerTime(m: InboundSignal): number {
  return Number.isFinite(m.sentAt) && m.sentAt > 0 ? m.sentAt : m.receivedAt;
}

/**
 * This attempt recorded these intents and never called Meta for them: the next attempt may send them without first
 * waiting for a status webhook. Only rows no other attempt has touched since (same `send_attempted_at`).
 */
async function releaseUntried(db: PrismaClient, recorded: RecordedIntents, rest: Intent[]): Promise<void> {
  const keys = rest.filter((o) => recorded.keys.has(o.key)).map((o) => o.key);
  if (keys.length === 0 || recorded.attemptedAt === null) return;
  await db.$executeRaw`
    UPDATE messages SET send_attempted_at = NULL
    WHERE idempotency_key IN (${Prisma.join(keys)}) AND send_attempted_at = ${recorded.attemptedAt}`;
}

/** Whether the turn writes more than `recordTurn` does: then it all goes in one transaction. */
function needsTransaction(turn: TurnInput, intents: Intent[]): boolean {
  const profile = turn.profileChanges !== undefined && Object.keys(turn.profileChanges).length > 0;
  return profile || writesHandoff(turn, intents);
}

/**
 * The customer's messages, the turn's events and its outbound intents, written by one statement — atomic on its own,
 * and one round trip, where a transaction of four statements took six. Returns the intents written now.
 */
async function recordTurn(
  db: Tx,
  c: ConversationRef,
  turn: TurnInput,
  intents: Intent[],
  now: number,
): Promise<RecordedIntents> {
  const events: OutboxEvent[] = [];
  if (turn.isFirstTurn) {
    events.push({ name: `started:${c.id}`, occurredAt: now, payload: { case: 'conversationStarted', value: {} } });
  }
  const writes = turn.inbound.length > 0 ? inboundWrites(c, turn.inbound, now) : [];
  events.push(...turn.inbound.map(receivedEvent));
  const outbox = outboxInsert(c, events);
  if (outbox) writes.push(outbox);
  if (writes.length === 0 && intents.length === 0) return { keys: new Set(), attemptedAt: null };
  // Data-modifying WITH queries run to completion even though the main query does not read them.
  const ahead = writes.map((w, i) => Prisma.sql`${Prisma.raw(`write${i}`)} AS (${w})`);
  const main =
    intents.length > 0
      ? intentsInsert(c, intents)
      : Prisma.sql`SELECT NULL::text AS idempotency_key, NULL::timestamptz AS send_attempted_at WHERE false`;
  const inserted = await db.$queryRaw<{ idempotency_key: string; send_attempted_at: Date }[]>`
    ${ahead.length > 0 ? Prisma.sql`WITH ${Prisma.join(ahead)}` : Prisma.empty} ${main}`;
  return {
    keys: new Set(inserted.map((r) => r.idempotency_key)),
    attemptedAt: inserted[0]?.send_attempted_at ?? null,
  };
}

/** The customer's messages, and the contact's last inbound time the 24-hour window runs from. */
function inboundWrites(c: ConversationRef, inbound: InboundSignal[], now: number): Prisma.Sql[] {
  const rows = inbound.map(
    (m) => Prisma.sql`(gen_random_uuid()::text, ${c.id}, 'in'::message_direction, ${m.id}, ${m.type},
                       ${JSON.stringify({ text: m.text, optionId: m.optionId ?? null })}::jsonb,
                       to_timestamp(${m.receivedAt / 1000}))`,
  );
  const lastWritten = new Date(Math.min(now, Math.max(...inbound.map(customerTime))));
  return [
    Prisma.sql`INSERT INTO messages (id, conversation_id, direction, wamid, type, payload, created_at)
               VALUES ${Prisma.join(rows)} ON CONFLICT (wamid) DO NOTHING`,
    Prisma.sql`UPDATE contacts SET last_inbound_at = GREATEST(last_inbound_at, ${lastWritten}) WHERE id = ${c.contactId}`,
  ];
}

function receivedEvent(m: InboundSignal): OutboxEvent {
  return {
    name: `received:${m.id}`,
    occurredAt: m.receivedAt,
    payload: { case: 'messageReceived', value: { wamid: m.id, messageType: m.type } },
  };
}

interface RecordedIntents {
  keys: Set<string>;
  /** The `send_attempted_at` they were written with. */
  attemptedAt: Date | null;
}

/** Keys already present belong to an earlier, interrupted attempt: RETURNING names only the first attempts. */
function intentsInsert(c: ConversationRef, intents: Intent[]): Prisma.Sql {
  const rows = intents.map(
    (o) => Prisma.sql`(gen_random_uuid()::text, ${c.id}, 'out'::message_direction, ${o.key}, ${o.content.kind},
                       ${JSON.stringify(o.content)}::jsonb, ${o.replyTo?.id ?? null}, now())`,
  );
  return Prisma.sql`
    INSERT INTO messages (id, conversation_id, direction, idempotency_key, type, payload, reply_to_wamid, send_attempted_at)
    VALUES ${Prisma.join(rows)} ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING idempotency_key, send_attempted_at`;
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
