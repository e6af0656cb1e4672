import express, { Router } from 'express';
import { z } from 'zod';
import { GRAPH_ERROR, graphErrorBody, validateTemplateRequest, type MessageTemplate } from '@botflow/whatsapp';
import { HttpError } from '@botflow/service-kit';
import type { EmulatorContext } from './context.ts';
import {
  accountOf,
  isGraphVersion,
  knownToken,
  originOf,
  sendGraphError,
  unsupportedRequest,
} from './graph-answers.ts';
import { parseBody } from './parse-body.ts';

const reviewInput = z.object({
  name: z.string().min(1),
  language: z.string().min(1).optional(),
  wabaId: z.string().min(1).optional(),
  status: z.enum(['APPROVED', 'REJECTED', 'PENDING', 'PAUSED', 'DISABLED']),
  reason: z.string().min(1).optional(),
});

/** Meta's `/<version>/<WABA-id>/message_templates`, plus `/_emulator/templates` to see and decide reviews. */
export function templateRoutes(ctx: EmulatorContext): Router {
  const { state } = ctx;
  const router = Router();

  router.get('/_emulator/templates', (_req, res) => {
    res.json(state.templates.all());
  });
  router.post('/_emulator/templates/review', express.json(), (req, res) => {
    const { status, reason, ...match } = parseBody(reviewInput, req.body);
    const reviewed = state.templates.review(match, status, reason);
    if (reviewed.length === 0) throw new HttpError(404, `no template called ${match.name} matches`);
    res.json(reviewed);
  });

  router.get('/:version/:wabaId/message_templates', (req, res, next) => {
    const { version, wabaId } = req.params;
    if (!isGraphVersion(version)) return next();
    const token = knownToken(req, res, state);
    if (token === undefined) return;
    if (!accountOf(state, wabaId, token)) return sendGraphError(res, 400, unsupportedRequest('get', wabaId));

    const query = req.query as Record<string, string | undefined>;
    const matching = state.templates
      .list(wabaId)
      .filter(
        (t) =>
          (query.name === undefined || t.name.includes(query.name)) &&
          (query.status === undefined || t.status === query.status.toUpperCase()) &&
          (query.language === undefined || t.language === query.language),
      );
    const limit = Math.min(Math.max(Number(query.limit) || 25, 1), 1000);
    const start = query.after === undefined ? 0 : Number(Buffer.from(query.after, 'base64url').toString()) || 0;
    const page: MessageTemplate[] = matching.slice(start, start + limit);
    const cursor = (n: number) => Buffer.from(String(n)).toString('base64url');
    const nextPage = new URL(`${originOf(req)}${req.originalUrl}`);
    nextPage.searchParams.set('after', cursor(start + limit));
    res.json({
      data: page,
      paging: {
        cursors: { before: cursor(start), after: cursor(start + page.length) },
        ...(start + limit < matching.length ? { next: nextPage.toString() } : {}),
      },
    });
  });

  router.post('/:version/:wabaId/message_templates', express.json({ limit: '1mb' }), (req, res, next) => {
    const { version, wabaId } = req.params;
    if (!isGraphVersion(version)) return next();
    const token = knownToken(req, res, state);
    if (token === undefined) return;
    if (!accountOf(state, wabaId, token)) return sendGraphError(res, 400, unsupportedRequest('post', wabaId));

    const checked = validateTemplateRequest(req.body);
    if (!checked.ok) return sendGraphError(res, 400, invalidTemplate(checked.problems.join('; ')));
    const created = state.templates.create(wabaId, checked.template);
    if (!created) {
      const body = invalidTemplate(
        `There is already ${checked.template.language} content for this template. You can create a new template and try again.`,
        'Message template language is already being used',
      );
      body.error.error_subcode = 2388024;
      return sendGraphError(res, 400, body);
    }
    res.json({ id: created.id, status: created.status, category: created.category });
  });
  return router;
}

function invalidTemplate(userMessage: string, userTitle = 'Message template has invalid fields') {
  const body = graphErrorBody(GRAPH_ERROR.INVALID_PARAMETER, { message: 'Invalid parameter', details: userMessage });
  body.error.error_user_title = userTitle;
  body.error.error_user_msg = userMessage;
  return body;
}
