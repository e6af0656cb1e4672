import express, { Router } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { HttpError } from '@botflow/service-kit';
import type { EmulatorContext } from './context.ts';
import { sendAsCustomer } from './customer.ts';
import { customerMessageInput } from './customer-input.ts';
import { parseBody } from './parse-body.ts';
import { chatSummary, chatTranscript } from './transcript.ts';

const rawWebhookInput = z.object({
  body: z.union([z.string(), z.record(z.string(), z.unknown())]),
  /** Sent verbatim as X-Hub-Signature-256; null sends no header; omitted signs with the app secret. */
  signature: z.string().nullable().optional(),
  phoneNumberId: z.string().optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  retry: z.boolean().optional(),
});

const verifyInput = z.object({ verifyToken: z.string().optional(), url: z.url({ protocol: /^https?$/ }).optional() });

/** The simulated customer, raw webhooks, and the JSON transcripts. */
export function customerRoutes(ctx: EmulatorContext): Router {
  const { state, options } = ctx;
  const router = Router();
  router.use('/_emulator', express.json({ limit: '5mb' }));

  router.post('/_emulator/customers/:waId/messages', async (req, res) => {
    res.json(await sendAsCustomer(ctx, req.params.waId, parseBody(customerMessageInput, req.body)));
  });

  router.delete('/_emulator/customers/:waId/window', (req, res) => {
    const chat = state.findChat(req.params.waId);
    if (chat === undefined) throw new HttpError(404, `no chat with ${req.params.waId}`);
    delete chat.lastInboundAt;
    res.json(chatSummary(chat));
  });

  router.post('/_emulator/webhooks/raw', async (req, res) => {
    const input = parseBody(rawWebhookInput, req.body);
    const number = state.phoneNumbers.get(input.phoneNumberId ?? options.phoneNumberId);
    if (number === undefined) throw new HttpError(404, `phone number id ${input.phoneNumberId} is not registered`);
    const result = await ctx.webhooks.deliver({
      url: input.url ?? number.webhookUrl,
      appSecret: number.appSecret,
      payload: input.body,
      kind: 'raw',
      summary: 'raw webhook',
      retry: input.retry ?? false,
      ...(input.signature === undefined ? {} : { signature: input.signature }),
    });
    res.json(result);
  });

  router.post('/_emulator/webhooks/verify', async (req, res) => {
    const input = parseBody(verifyInput, req.body);
    const challenge = randomUUID();
    const url = new URL(input.url ?? options.webhookUrl);
    url.searchParams.set('hub.mode', 'subscribe');
    url.searchParams.set('hub.verify_token', input.verifyToken ?? options.verifyToken);
    url.searchParams.set('hub.challenge', challenge);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(options.webhookTimeoutMs) });
      const body = await response.text();
      res.json({ verified: response.status === 200 && body === challenge, status: response.status, challenge, body });
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
      res.json({
        verified: false,
        status: null,
        challenge,
        error: cause instanceof Error ? cause.message : String(cause),
      });
    }
  });

  router.get('/_emulator/webhooks', (_req, res) => {
    res.json(ctx.webhooks.deliveries);
  });

  router.get('/_emulator/chats', (_req, res) => {
    res.json(state.chats.map(chatSummary));
  });
  router.get('/_emulator/chats/:waId', (req, res) => {
    const chat = state.findChat(req.params.waId);
    if (chat === undefined) throw new HttpError(404, `no chat with ${req.params.waId}`);
    res.json(chatTranscript(chat));
  });
  return router;
}
