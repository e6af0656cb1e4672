import express, { Router, type RequestHandler, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import { HttpError } from '@botflow/service-kit';
import { renderChatIndex, renderChatPage } from './chat-page.ts';
import type { EmulatorContext } from './context.ts';
import { sendAsCustomer } from './customer.ts';
import type { CustomerMessageInput } from './customer-input.ts';

/** Browser forms may only post from this page's own origin. */
const sameOrigin: RequestHandler = (req, _res, next) => {
  const origin = req.get('origin');
  if (origin !== undefined && origin !== 'null' && new URL(origin).host !== req.get('host')) {
    throw new HttpError(403, 'cross-origin form posts are not accepted');
  }
  next();
};

function sendPage(res: Response, render: (nonce: string) => string): void {
  const nonce = randomBytes(12).toString('base64');
  res
    .set(
      'content-security-policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; form-action 'self'; frame-ancestors 'none'`,
    )
    .set('x-content-type-options', 'nosniff')
    .type('html')
    .send(render(nonce));
}

function formInput(body: Record<string, string | undefined>): CustomerMessageInput {
  const { kind, id, title, description, text } = body;
  if ((kind === 'button' || kind === 'list') && id && title !== undefined) {
    return kind === 'button'
      ? { buttonReply: { id, title } }
      : { listReply: { id, title, ...(description ? { description } : {}) } };
  }
  if (!text) throw new HttpError(400, 'type a message first');
  return { text };
}

/** Server-rendered chat pages for a person at a browser. */
export function pageRoutes(ctx: EmulatorContext): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '64kb' });

  router.get('/', (_req, res) => res.redirect('/chats'));
  router.get('/chats', (_req, res) => sendPage(res, (nonce) => renderChatIndex(ctx.state.chats, nonce)));
  router.post('/chats', form, sameOrigin, async (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const waId = (body.waId ?? '').replace(/\D/g, '');
    await sendAsCustomer(ctx, waId, formInput(body));
    res.redirect(303, `/chats/${waId}`);
  });
  router.get('/chats/:waId', (req, res) => {
    const chat = ctx.state.findChat(req.params.waId);
    if (chat === undefined)
      throw new HttpError(404, `no chat with ${req.params.waId} yet: send a message as the customer first`);
    sendPage(res, (nonce) => renderChatPage(chat, chat.waId ?? req.params.waId, nonce));
  });
  router.post('/chats/:waId/reply', form, sameOrigin, async (req, res) => {
    const { waId } = req.params as { waId: string };
    await sendAsCustomer(ctx, waId, formInput(req.body as Record<string, string | undefined>));
    res.redirect(303, `/chats/${encodeURIComponent(waId)}`);
  });
  return router;
}
