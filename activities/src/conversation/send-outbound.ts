import { ApplicationFailure } from '@temporalio/common';
import type { ConversationRef } from '@botflow/contracts';
import type { PrismaClient } from '@botflow/db';
import type { OutboundContent } from '@botflow/graph';
import { GraphApiError, type SendRequest } from '@botflow/whatsapp';
import { outboxInsert } from './outbox.ts';
import { sendContent } from './send-content.ts';

export interface OutboundSender {
  /** Sends through the Graph API of the conversation's number; throws GraphApiError. */
  send(phoneNumberId: string, body: SendRequest): Promise<{ wamid: string }>;
  /** How long to wait for Meta's status webhook before deciding an interrupted send never reached Meta. */
  reconcileGraceMs: number;
  /** Told how long each answered customer message waited for its reply (admission control watches it). */
  observeResponseTime?: (ms: number) => void;
}

export type SendOutcome = 'sent' | 'already_sent' | 'failed';

interface Intent {
  key: string;
  content: OutboundContent;
  replyTo?: { id: string; receivedAt: number };
}

interface IntentRow {
  wamid: string | null;
  status: string | null;
  send_attempted_at: Date | null;
}

/**
 * Sends one recorded intent at most once. The intent row is written with `send_attempted_at` before the call and
 * the key travels as `biz_opaque_callback_data`, which Meta echoes in status webhooks. So when a retry finds an
 * attempt with no message id (the worker died mid-call), it waits briefly for Meta's status to name the message
 * before concluding the first call never arrived.
 */
export async function sendOutbound(
  db: PrismaClient,
  sender: OutboundSender,
  c: ConversationRef,
  intent: Intent,
  firstAttempt: boolean,
): Promise<SendOutcome> {
  if (!firstAttempt) {
    let row = await readIntent(db, intent.key);
    if (row.status === 'failed') return 'failed';
    if (row.wamid) return recordSent(db, c, intent, row.wamid, 'already_sent');
    if (row.send_attempted_at) {
      row = await waitForStatus(db, intent.key, sender.reconcileGraceMs);
      if (row.wamid) return recordSent(db, c, intent, row.wamid, 'already_sent');
    }
    await db.$executeRaw`UPDATE messages SET send_attempted_at = now() WHERE idempotency_key = ${intent.key}`;
  }

  const body: SendRequest = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: c.recipient,
    ...sendContent(intent.content),
    biz_opaque_callback_data: intent.key,
    ...(intent.replyTo ? { context: { message_id: intent.replyTo.id } } : {}),
  };

  try {
    const { wamid } = await sender.send(c.phoneNumberId, body);
    if (intent.replyTo) sender.observeResponseTime?.(Date.now() - intent.replyTo.receivedAt);
    return await recordSent(db, c, intent, wamid, 'sent');
  } catch (err) {
    if (!(err instanceof GraphApiError)) throw err;
    if (err.httpStatus !== 0) {
      // Meta answered: the message was not accepted, so the next attempt may send without waiting.
      await db.$executeRaw`UPDATE messages SET send_attempted_at = NULL WHERE idempotency_key = ${intent.key}`;
    }
    if (err.kind === 'retry' || err.kind === 'backoff') {
      throw ApplicationFailure.create({
        type: 'GraphApiTransient',
        message: err.message,
        ...(err.kind === 'backoff' ? { nextRetryDelay: '2 seconds' } : {}),
      });
    }
    await recordFailed(db, c, intent.key, err);
    return 'failed';
  }
}

async function readIntent(db: PrismaClient, key: string): Promise<IntentRow> {
  const [row] = await db.$queryRaw<IntentRow[]>`
    SELECT wamid, status::text AS status, send_attempted_at FROM messages WHERE idempotency_key = ${key}`;
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
          messageType: intent.content.kind,
          replyToWamid: intent.replyTo?.id ?? '',
          responseTimeMs: BigInt(responseTimeMs),
        },
      },
    },
  ]);
  if (!insert) return outcome;
  await db.$transaction([
    db.$executeRaw`UPDATE messages SET wamid = COALESCE(wamid, ${wamid}), accepted_at = COALESCE(accepted_at, now())
                   WHERE idempotency_key = ${intent.key}`,
    db.$executeRaw(insert),
  ]);
  return outcome;
}

async function recordFailed(db: PrismaClient, c: ConversationRef, key: string, err: GraphApiError): Promise<void> {
  const error = { httpStatus: err.httpStatus, code: err.code ?? null, kind: err.kind, message: err.message };
  await db.$transaction([
    db.$executeRaw`UPDATE messages SET status = 'failed', status_at = now(), error = ${JSON.stringify(error)}::jsonb
                   WHERE idempotency_key = ${key}`,
    db.$executeRaw`UPDATE whatsapp_channels SET last_send_error = ${err.message}, last_send_error_at = now()
                   WHERE id = ${c.channelId}`,
  ]);
}
