import express, { Router, type Request } from 'express';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@botflow/db';
import { HttpError, type Logger } from '@botflow/service-kit';
import { parseWebhook, SIGNATURE_HEADER, WebhookShapeError, type ParsedWebhook } from '@botflow/whatsapp';
import type { AcceptedMessages } from './accepted-messages.ts';
import type { ChannelDirectory } from './channel-directory.ts';
import { LoadShedder } from './load-shedder.ts';
import { signalConversations } from './signal-conversations.ts';
import { recordStatuses } from './status-recorder.ts';
import { verifyHandshake } from './verify-handshake.ts';
import { findSigner, signerVouchesFor, type WebhookSigner } from './webhook-signer.ts';

/** Meta's documented maximum webhook payload. */
export const MAX_WEBHOOK_BYTES = 3 * 1024 * 1024;

export interface WhatsAppWebhookDeps {
  /** The deployment's Meta app: it signs webhooks for every number. Channels may add their own app's secret. */
  appSecret: string;
  verifyToken: string;
  temporal: Client;
  taskQueue: string;
  db: PrismaClient;
  accepted: AcceptedMessages;
  channels: ChannelDirectory;
  log: Logger;
  /** Webhooks being handed to Temporal at once before new ones get 503 (Meta retries them). */
  maxInFlight: number;
  /** True while replies lag more than allowed: new webhooks get 503 until the workers catch up. */
  overloaded?: () => boolean;
}

/**
 * `GET/POST /webhooks/whatsapp`. The answer is 200 only once every message in the POST is durably in its
 * conversation's workflow history, so Meta's retry covers every failure before that point.
 */
export function whatsappWebhookRoutes(deps: WhatsAppWebhookDeps): Router {
  const router = Router();
  const shedder = new LoadShedder(deps.maxInFlight, deps.overloaded);
  router.get(
    '/webhooks/whatsapp',
    verifyHandshake(deps.verifyToken, (token) => deps.channels.isChannelVerifyToken(token)),
  );
  router.post(
    '/webhooks/whatsapp',
    shedder.middleware(),
    express.raw({ type: () => true, limit: MAX_WEBHOOK_BYTES }),
    async (req, res) => {
      const receivedAt = Date.now();
      const { signer, webhook } = await readWebhook(req, deps);
      const known = await knownNumbersOnly(webhook, signer, deps);
      const fresh = await deps.accepted
        .alreadyAccepted(known.messages)
        .then((hits) => known.messages.filter((m) => !hits.has(m.id)));
      try {
        await signalConversations(deps.temporal, deps.taskQueue, fresh, receivedAt);
      } catch (err) {
        deps.log.error({ err }, 'Temporal did not accept the messages; Meta will retry');
        throw new HttpError(503, 'messages could not be queued yet; retry later');
      }
      await deps.accepted.markAccepted(fresh);
      if (known.statuses.length > 0) await recordStatuses(deps.db, known.statuses);
      res.sendStatus(200);
    },
  );
  return router;
}

/** Signature over the exact bytes first (401), then JSON (400), then the envelope's shape (400). */
async function readWebhook(
  req: Request,
  deps: WhatsAppWebhookDeps,
): Promise<{ signer: WebhookSigner; webhook: ParsedWebhook }> {
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const signer = await findSigner(raw, req.header(SIGNATURE_HEADER), deps.appSecret, deps.channels);
  if (signer === null) {
    throw new HttpError(
      401,
      "X-Hub-Signature-256 is missing or does not match the body signed with the app secret (the deployment's, " +
        "or the one stored with the number's channel)",
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'webhook body is not valid JSON');
  }
  try {
    return { signer, webhook: parseWebhook(body) };
  } catch (err) {
    if (err instanceof WebhookShapeError)
      throw new HttpError(400, `webhook body is not a WhatsApp notification: ${err.message}`);
    throw err;
  }
}

/** Only numbers that are connected, and that the signer may speak for; the rest is logged and dropped. */
async function knownNumbersOnly(
  webhook: ParsedWebhook,
  signer: WebhookSigner,
  deps: WhatsAppWebhookDeps,
): Promise<ParsedWebhook> {
  const numbers = new Set([...webhook.messages, ...webhook.statuses].map((m) => m.phoneNumberId));
  const unknown = new Set<string>();
  const notVouched = new Set<string>();
  for (const n of numbers) {
    if (!(await signerVouchesFor(signer, n, deps.channels))) notVouched.add(n);
    else if (!(await deps.channels.isConnected(n))) unknown.add(n);
  }
  if (unknown.size > 0)
    deps.log.warn({ phoneNumberIds: [...unknown] }, 'webhook for numbers that are not connected: ignored');
  if (notVouched.size > 0) {
    deps.log.warn(
      { phoneNumberIds: [...notVouched] },
      "webhook signed with a channel's own app secret names numbers of other apps: those are ignored",
    );
    for (const n of notVouched) unknown.add(n);
  }
  return {
    messages: webhook.messages.filter((m) => !unknown.has(m.phoneNumberId)),
    statuses: webhook.statuses.filter((s) => !unknown.has(s.phoneNumberId)),
  };
}
