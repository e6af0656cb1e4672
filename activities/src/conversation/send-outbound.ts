import { ApplicationFailure } from '@temporalio/common';
import type { ConversationRef } from '@botflow/contracts';
import type { PrismaClient } from '@botflow/db';
import type { OutboundContent } from '@botflow/graph';
import { backoffDelayMs, GraphApiError, type SendRequest } from '@botflow/whatsapp';
import { SlotUnavailable, type SendThrottle } from '../rate-limit/index.ts';
import { recordSendFailure, recordSendSuccess } from '../channels/channel-health.ts';
import { outboxInsert } from './outbox.ts';
import { fallbackContent, sendContent } from './send-content.ts';

export interface OutboundSender {
  /** Sends through the Graph API of the conversation's number; throws GraphApiError. */
  send(phoneNumberId: string, body: SendRequest): Promise<{ wamid: string }>;
  /** How long to wait for Meta's status webhook before deciding an interrupted send never reached Meta. */
  reconcileGraceMs: number;
  /** Told how long each answered customer message waited for its reply (admission control watches it). */
  observeResponseTime?: (ms: number) => void;
  /** Paces sends to Meta's per-number and per-customer limits, shared by every worker; none: no pacing. */
  throttle?: SendThrottle;
  /** Longest a turn waits for send slots before handing the wait to Temporal as a delayed retry (default 5 s). */
  maxThrottleWaitMs?: number;
}

/**
 * `sent_fallback`: the customer's 24-hour window was closed, so the content's template fallback went instead.
 * `outside_window`: the window was closed and the content had no fallback; the message is marked failed.
 */
export type SendOutcome = 'sent' | 'already_sent' | 'sent_fallback' | 'failed' | 'outside_window';

/** What holds for every send of one attempt at a turn. */
export interface SendConditions {
  /** Whether the customer wrote within the last 24 hours: free-form messages may go only then. */
  windowOpen: boolean;
  /** Epoch ms after which no send waits for a rate-limit slot any more (the attempt is retried later instead). */
  throttleDeadline: number;
  /** The activity attempt (from 1): back-off after Meta's rate-limit answers grows with it. */
  attempt: number;
  /** Aborted when the activity is cancelled or timed out: a send still waiting for its slot then never goes. */
  signal?: AbortSignal;
}

const OPEN_WINDOW: SendConditions = { windowOpen: true, throttleDeadline: Infinity, attempt: 1 };

interface Intent {
  key: string;
  content: OutboundContent;
  replyTo?: { id: string; receivedAt: number };
}

interface IntentRow {
  wamid: string | null;
  status: string | null;
  send_attempted_at: Date | null;
  /** 'template' when an earlier attempt switched a free-form intent to its template fallback. */
  type: string;
  error_kind: string | null;
}

/**
 * Sends one recorded intent at most once. The intent row is written with `send_attempted_at` before the call and
 * the key travels as `biz_opaque_callback_data`, which Meta echoes in status webhooks. So when a retry finds an
 * attempt with no message id (the worker died mid-call), it waits briefly for Meta's status to name the message
 * before concluding the first call never arrived. Rate-limit slots are taken after that decision and before the
 * call; a send that would wait too long is handed back to Temporal unsent, as a delayed retry.
 */
export async function sendOutbound(
  db: PrismaClient,
  sender: OutboundSender,
  c: ConversationRef,
  intent: Intent,
  firstAttempt: boolean,
  conditions: SendConditions = OPEN_WINDOW,
): Promise<SendOutcome> {
  let switched = false;
  if (!firstAttempt) {
    let row = await readIntent(db, intent.key);
    if (row.status === 'failed') return row.error_kind === 'window_closed' ? 'outside_window' : 'failed';
    if (row.wamid) return recordSent(db, c, intent, row.wamid, 'already_sent', row.type);
    if (row.send_attempted_at) {
      row = await waitForStatus(db, intent.key, sender.reconcileGraceMs);
      if (row.wamid) return recordSent(db, c, intent, row.wamid, 'already_sent', row.type);
    }
    switched = row.type === 'template' && intent.content.kind !== 'template';
    await db.$executeRaw`UPDATE messages SET send_attempted_at = now() WHERE idempotency_key = ${intent.key}`;
  }

  let content = intent.content;
  if (content.kind !== 'template' && (switched || !conditions.windowOpen)) {
    const fallback = fallbackContent(content);
    if (!fallback) return recordOutsideWindow(db, intent.key);
    if (!switched) await recordSwitch(db, intent, fallback);
    content = fallback;
  }

  try {
    return await attempt(db, sender, c, intent, content, conditions);
  } catch (err) {
    if (!(err instanceof GraphApiError) || err.kind !== 'window_closed' || content.kind === 'template') throw err;
    // Meta says the window is closed although our record of the customer's last message said otherwise.
    const fallback = fallbackContent(intent.content);
    if (!fallback) {
      await recordFailed(db, intent.key, err);
      return 'outside_window';
    }
    await recordSwitch(db, intent, fallback);
    return attempt(db, sender, c, intent, fallback, conditions);
  }
}

/** One call to Meta with `content`; a closed-window answer is thrown to the caller, which may fall back. */
async function attempt(
  db: PrismaClient,
  sender: OutboundSender,
  c: ConversationRef,
  intent: Intent,
  content: OutboundContent,
  conditions: SendConditions,
): Promise<SendOutcome> {
  const body: SendRequest = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: c.recipient,
    ...sendContent(content),
    biz_opaque_callback_data: intent.key,
    ...(intent.replyTo ? { context: { message_id: intent.replyTo.id } } : {}),
  };
  await waitForSlot(db, sender, c, intent.key, conditions);

  try {
    const { wamid } = await sender.send(c.phoneNumberId, body);
    if (intent.replyTo) sender.observeResponseTime?.(Date.now() - intent.replyTo.receivedAt);
    const outcome = content === intent.content ? 'sent' : 'sent_fallback';
    // Recorded first: were the health write first and failing, the retry would have to reconcile an unknown send.
    const recorded = await recordSent(db, c, intent, wamid, outcome, content.kind);
    await recordSendSuccess(db, c.phoneNumberId);
    return recorded;
  } catch (err) {
    if (!(err instanceof GraphApiError)) throw err;
    if (err.httpStatus !== 0) {
      // Meta answered: the message was not accepted, so the next attempt may send without waiting.
      await notAttempted(db, intent.key);
    }
    await recordSendFailure(db, c.phoneNumberId, err);
    if (err.kind === 'window_closed' && content.kind !== 'template') throw err;
    if (err.kind === 'retry' || err.kind === 'backoff') {
      throw ApplicationFailure.create({
        type: 'GraphApiTransient',
        message: err.reason,
        ...(err.kind === 'backoff' ? { nextRetryDelay: backoffDelayMs(err.code, conditions.attempt) } : {}),
      });
    }
    await recordFailed(db, intent.key, err);
    return 'failed';
  }
}

/** Takes this send's rate-limit slots, or gives the send back to Temporal, unsent, to try once they free up. */
async function waitForSlot(
  db: PrismaClient,
  sender: OutboundSender,
  c: ConversationRef,
  key: string,
  conditions: SendConditions,
): Promise<void> {
  if (!sender.throttle) return;
  try {
    await sender.throttle.acquire(
      { phoneNumberId: c.phoneNumberId, recipient: c.recipient },
      conditions.throttleDeadline,
      conditions.signal,
    );
  } catch (err) {
    await notAttempted(db, key);
    if (!(err instanceof SlotUnavailable)) throw err;
    throw ApplicationFailure.create({
      type: 'SendRateLimited',
      message: err.message,
      nextRetryDelay: Math.max(100, Math.ceil(err.retryAfterMs)),
    });
  }
}

async function notAttempted(db: PrismaClient, key: string): Promise<void> {
  await db.$executeRaw`UPDATE messages SET send_attempted_at = NULL WHERE idempotency_key = ${key}`;
}

async function readIntent(db: PrismaClient, key: string): Promise<IntentRow> {
  const [row] = await db.$queryRaw<IntentRow[]>`
    SELECT wamid, status::text AS status, send_attempted_at, type, error->>'kind' AS error_kind
    FROM messages WHERE idempotency_key = ${key}`;
  if (!row) throw new Error(`outbound intent ${key} was not recorded`);
  return row;
}

async function waitForStatus(db: PrismaClient, key: string, graceMs: number): Promise<IntentRow> {
  const until = Date.now() + graceMs;
  let row = await readIntent(db, key);
  while (!row.wamid && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    row = await readIntent(db, key);
  }
  return row;
}

/** One statement, so the message id and its event are written together or not at all. */
async function recordSent(
  db: PrismaClient,
  c: ConversationRef,
  intent: Intent,
  wamid: string,
  outcome: SendOutcome,
  messageType: string,
): Promise<SendOutcome> {
  const sentAt = Date.now();
  const responseTimeMs = intent.replyTo ? Math.max(0, sentAt - intent.replyTo.receivedAt) : 0;
  const insert = outboxInsert(c, [
    {
      name: `sent:${intent.key}`,
      occurredAt: sentAt,
      payload: {
        case: 'messageSent',
        value: {
          wamid,
          messageType,
          replyToWamid: intent.replyTo?.id ?? '',
          responseTimeMs: BigInt(responseTimeMs),
        },
      },
    },
  ]);
  if (!insert) return outcome;
  // A data-modifying WITH runs to completion whether or not the INSERT reads it: one round trip, no transaction.
  await db.$executeRaw`
    WITH accepted AS (
      UPDATE messages SET wamid = COALESCE(wamid, ${wamid}), accepted_at = COALESCE(accepted_at, now())
      WHERE idempotency_key = ${intent.key})
    ${insert}`;
  return outcome;
}

/** The intent goes as its template fallback: the row says so before the call, so every later attempt keeps to it. */
async function recordSwitch(db: PrismaClient, intent: Intent, fallback: OutboundContent): Promise<void> {
  const payload = { ...fallback, fallbackFor: intent.content };
  await db.$executeRaw`UPDATE messages SET type = 'template', payload = ${JSON.stringify(payload)}::jsonb
                       WHERE idempotency_key = ${intent.key}`;
}

/** Never sent: Meta would refuse free-form content outside the 24-hour window, and there is no template to send. */
async function recordOutsideWindow(db: PrismaClient, key: string): Promise<SendOutcome> {
  const error = {
    kind: 'window_closed',
    code: null,
    reason:
      "not sent: more than 24 hours have passed since the customer's last message, and WhatsApp then delivers only " +
      'an approved template. Give this message a template fallback to reach the customer.',
  };
  await db.$executeRaw`UPDATE messages SET status = 'failed', status_at = now(), send_attempted_at = NULL,
                         error = ${JSON.stringify(error)}::jsonb
                       WHERE idempotency_key = ${key}`;
  return 'outside_window';
}

async function recordFailed(db: PrismaClient, key: string, err: GraphApiError): Promise<void> {
  const error = {
    httpStatus: err.httpStatus,
    code: err.code ?? null,
    kind: err.kind,
    message: err.message,
    ...(err.details ? { details: err.details } : {}),
    reason: err.reason,
  };
  // The channel's side (health, last error) is written by recordSendFailure.
  await db.$executeRaw`UPDATE messages SET status = 'failed', status_at = now(), error = ${JSON.stringify(error)}::jsonb
                       WHERE idempotency_key = ${key}`;
}
