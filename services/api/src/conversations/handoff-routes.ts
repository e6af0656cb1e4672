import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { z } from 'zod';
import { agentReplySignal, releaseHandoffSignal } from '@botflow/contracts';
import type { PrismaClient } from '@botflow/db';
import { HttpError } from '@botflow/service-kit';
import { LIMITS } from '@botflow/whatsapp/limits';
import { organisationOf } from '../auth/require-organisation.ts';
import { parseBody } from '../bots/request-input.ts';
import { findConversation, liveStatus, type ConversationRow } from './conversation-store.ts';

/** WhatsApp lets a business write freely for 24 hours after the customer's last message (a minute less, as the worker). */
const SERVICE_WINDOW_MS = 24 * 3600_000 - 60_000;

const replyId = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'a reply id is 1 to 100 letters, digits, ".", "_", ":" or "-", e.g. a UUID');
const person = z
  .string()
  .trim()
  .min(1, 'name the person, or leave it out')
  .max(100, 'keep the name under 100 characters');

const replyBody = z.object({
  text: z
    .string()
    .max(LIMITS.textBody, `a WhatsApp text holds at most ${LIMITS.textBody} characters`)
    .refine((t) => t.trim() !== '', 'write the reply: the text is empty'),
  agent: person.optional(),
  replyId: replyId.optional(),
});

const releaseBody = z.object({
  atNode: z
    .string()
    .min(1, 'give a node id, or leave atNode out')
    .max(64, 'a node id holds at most 64 characters')
    .optional(),
  releasedBy: person.optional(),
});

/** A person's replies to a handed-over conversation, and handing it back to the bot (optionally at a chosen node). */
export function handoffRoutes(db: PrismaClient, temporal: Client): Router {
  const router = Router();

  router.post('/api/conversations/:conversationId/reply', async (req, res) => {
    const body = parseBody(replyBody, req.body);
    const id = idempotencyId(body.replyId, req.header('idempotency-key'));
    const row = await findConversation(db, organisationOf(res), req.params.conversationId);
    if (row.status !== 'active') throw ended(row);
    if (!(await handedOver(temporal, row))) {
      throw new HttpError(
        409,
        'the bot has this conversation: a person replies only to a handed-over conversation (see GET /api/inbox)',
      );
    }
    await requireServiceWindow(db, row.id);
    await signal(temporal, row, (handle) =>
      handle.signal(agentReplySignal, { id, text: body.text, agent: body.agent ?? 'agent', conversationId: row.id }),
    );
    res.status(202).json({ reply: { id, conversationId: row.id, status: 'accepted' } });
  });

  router.post('/api/conversations/:conversationId/release', async (req, res) => {
    const body = parseBody(releaseBody, req.body);
    const row = await findConversation(db, organisationOf(res), req.params.conversationId);
    if (!(await handedOver(temporal, row))) {
      throw new HttpError(
        409,
        'this conversation is not waiting for a human: only a handed-over conversation is released',
      );
    }
    if (body.atNode !== undefined) await requireNode(db, row, body.atNode);
    await signal(temporal, row, (handle) =>
      handle.signal(releaseHandoffSignal, {
        conversationId: row.id,
        ...(body.atNode === undefined ? {} : { atNode: body.atNode }),
        ...(body.releasedBy === undefined ? {} : { releasedBy: body.releasedBy }),
      }),
    );
    res.status(202).json({ released: true, ...(body.atNode === undefined ? {} : { atNode: body.atNode }) });
  });

  return router;
}

/** Conversations handed over before the inbox kept its state in the database are asked directly. */
async function handedOver(temporal: Client, row: ConversationRow): Promise<boolean> {
  if (row.status !== 'active') return false;
  return row.handoffState !== null || Boolean((await liveStatus(temporal, row))?.handoff);
}

/** The client's id for this reply (body or Idempotency-Key header), so a retried request is sent once; else a new one. */
function idempotencyId(fromBody: string | undefined, fromHeader: string | undefined): string {
  if (fromHeader !== undefined) {
    const parsed = replyId.safeParse(fromHeader);
    if (!parsed.success) throw new HttpError(400, `Idempotency-Key: ${parsed.error.issues[0]?.message}`);
    if (fromBody !== undefined && fromBody !== fromHeader) {
      throw new HttpError(400, 'replyId and the Idempotency-Key header differ: send one of them, or the same value');
    }
    return fromHeader;
  }
  return fromBody ?? randomUUID();
}

async function requireServiceWindow(db: PrismaClient, conversationId: string): Promise<void> {
  const { contact } = await db.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: { contact: { select: { lastInboundAt: true } } },
  });
  const last = contact.lastInboundAt;
  if (!last || Date.now() - last.getTime() > SERVICE_WINDOW_MS) {
    throw new HttpError(
      422,
      'the customer last wrote more than 24 hours ago: WhatsApp allows only an approved template until they write again',
    );
  }
}

/** The node must be in the version this conversation runs; the owner may have renamed or removed it since. */
async function requireNode(db: PrismaClient, row: ConversationRow, node: string): Promise<void> {
  const version = row.botVersionId
    ? await db.botVersion.findUnique({ where: { id: row.botVersionId }, select: { version: true, definition: true } })
    : null;
  if (!version) throw new HttpError(422, 'this conversation has no bot version any more: release it without atNode');
  const nodes = Object.keys((version.definition as { nodes?: Record<string, unknown> }).nodes ?? {}).sort();
  if (!nodes.includes(node)) {
    const shown = nodes.slice(0, 20).join(', ') + (nodes.length > 20 ? ', …' : '');
    throw new HttpError(
      422,
      `version ${version.version} of this bot, which this conversation runs, has no node "${node}": choose one of ${shown}`,
    );
  }
}

/** Signals the conversation's workflow by id (after continue-as-new it runs under a later run id). */
async function signal(
  temporal: Client,
  row: ConversationRow,
  send: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<void>,
): Promise<void> {
  try {
    await send(temporal.workflow.getHandle(row.workflowId));
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw ended(row);
    throw err;
  }
}

function ended(row: ConversationRow): HttpError {
  return new HttpError(409, `conversation ${row.id} has ended: the customer's next message opens a new one`);
}
