import express, { Router, type ErrorRequestHandler, type Response } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  GRAPH_ERROR,
  graphErrorBody,
  isMarkReadRequest,
  newFbtraceId,
  newWamid,
  validateSendRequest,
  type GraphErrorBody,
  type MarkReadRequest,
  type SendRequest,
  type SendSuccessResponse,
} from '@botflow/whatsapp';
import type { EmulatorContext } from './context.ts';
import type { PhoneNumber } from './state.ts';
import { scheduleStatusReports, type AsyncFailure } from './status-reports.ts';
import { isWindowOpen } from './transcript.ts';

/** Meta's Cloud API send endpoint: `POST /<version>/<phone-number-id>/messages`. */
export function graphRoutes(ctx: EmulatorContext): Router {
  const router = Router();
  router.post('/:version/:phoneNumberId/messages', express.json({ limit: '5mb' }), async (req, res) => {
    const { state } = ctx;
    if (state.faults.latencyMs > 0) await sleep(state.faults.latencyMs);
    const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (token === undefined || !state.isKnownToken(token)) {
      state.stats.rejected.auth += 1;
      res.set('www-authenticate', 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token"');
      return graphError(res, 401, graphErrorBody(GRAPH_ERROR.ACCESS_TOKEN_EXPIRED));
    }
    const { version, phoneNumberId } = req.params;
    const number = state.phoneNumbers.get(phoneNumberId);
    if (number === undefined || number.accessToken !== token || !/^v\d+\.\d+$/.test(version)) {
      state.stats.rejected.unknownPhoneNumber += 1;
      return graphError(res, 400, unsupportedPost(phoneNumberId));
    }
    if (isMarkReadRequest(req.body)) return markRead(ctx, number, req.body, res);

    const validation = validateSendRequest(req.body);
    if (!validation.ok) {
      state.stats.rejected.validation += 1;
      return graphError(res, 400, graphErrorBody(validation.code, { details: validation.details }));
    }
    const templateError = state.templates.checkSend(number.wabaId, validation.request);
    if (templateError) {
      state.stats.rejected.validation += 1;
      return graphError(res, 400, graphErrorBody(templateError.code, templateError));
    }
    const inThisSecond = state.stats.countSend(number.phoneNumberId);
    const limit = state.faults.throughputPerSecond;
    if (limit !== null && inThisSecond > limit) {
      state.stats.rejected.throughput += 1;
      return graphError(
        res,
        400,
        graphErrorBody(GRAPH_ERROR.THROUGHPUT_LIMIT, { details: `more than ${limit} messages in one second` }),
      );
    }
    if (!state.limits.pair.allow(number.phoneNumberId, validation.request.to ?? validation.request.recipient ?? '')) {
      state.limits.pairRejections += 1;
      return graphError(res, 400, graphErrorBody(GRAPH_ERROR.PAIR_RATE_LIMIT, { details: PAIR_LIMIT_DETAILS }));
    }
    const fault = state.faults.take();
    if (fault) state.stats.rejected.injected += 1;
    if (fault?.drop) return void req.socket.destroy();
    if (fault?.acceptThenDelayMs !== undefined)
      return accept(ctx, number, validation.request, res, undefined, fault.acceptThenDelayMs);
    if (fault && !fault.async) return graphError(res, fault.status, graphErrorBody(fault.code, fault));
    accept(ctx, number, validation.request, res, fault);
  });
  router.use(graphBodyErrors);
  return router;
}

function accept(
  ctx: EmulatorContext,
  number: PhoneNumber,
  request: SendRequest,
  res: Response,
  fault?: AsyncFailure,
  respondAfterMs = 0,
): void {
  const { state, options } = ctx;
  const recipient = request.to ?? request.recipient ?? '';
  const chat =
    state.findChat(recipient) ?? state.chatFor(request.to !== undefined ? { waId: request.to } : { userId: recipient });
  const entry = state.record(chat, {
    direction: 'outbound',
    wamid: newWamid(),
    phoneNumberId: number.phoneNumberId,
    type: request.type,
    message: request,
    ...(request.context ? { contextId: request.context.message_id } : {}),
    ...(request.biz_opaque_callback_data === undefined
      ? {}
      : { bizOpaqueCallbackData: request.biz_opaque_callback_data }),
  });
  entry.statuses.push({ status: 'accepted', at: entry.at });
  state.stats.accepted += 1;
  state.limits.throughput.record(number.phoneNumberId);
  const failure: AsyncFailure | undefined =
    fault ??
    (options.enforceWindow && request.type !== 'template' && !isWindowOpen(chat)
      ? {
          code: GRAPH_ERROR.REENGAGEMENT_REQUIRED,
          details:
            'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
        }
      : undefined);
  const response: SendSuccessResponse = {
    messaging_product: 'whatsapp',
    contacts: [
      request.to !== undefined
        ? { input: request.to, wa_id: request.to.replace(/\D/g, '') }
        : { input: recipient, user_id: recipient },
    ],
    messages: [{ id: entry.wamid }],
  };
  const respond = () => {
    if (!res.destroyed) res.set('x-fb-trace-id', newFbtraceId()).json(response);
  };
  if (respondAfterMs > 0) setTimeout(respond, respondAfterMs).unref();
  else respond();
  scheduleStatusReports(ctx, number, chat, entry, failure);
}

const PAIR_LIMIT_DETAILS =
  'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.';

function markRead(ctx: EmulatorContext, number: PhoneNumber, request: MarkReadRequest, res: Response): void {
  const found = ctx.state.findEntry(request.message_id);
  if (
    found === undefined ||
    found.entry.direction !== 'inbound' ||
    found.entry.phoneNumberId !== number.phoneNumberId
  ) {
    return graphError(
      res,
      400,
      graphErrorBody(GRAPH_ERROR.INVALID_PARAMETER, {
        details: `message_id ${request.message_id} is not a message this number received`,
      }),
    );
  }
  if (!found.entry.statuses.some((s) => s.status === 'read'))
    found.entry.statuses.push({ status: 'read', at: new Date().toISOString() });
  ctx.state.stats.markedRead += 1;
  res.json({ success: true });
}

function unsupportedPost(id: string): GraphErrorBody {
  return graphErrorBody(GRAPH_ERROR.INVALID_PARAMETER, {
    type: 'GraphMethodException',
    subcode: 33,
    message: `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  });
}

function graphError(res: Response, status: number, body: GraphErrorBody): void {
  res.status(status).set('x-fb-trace-id', body.error.fbtrace_id).json(body);
}

const graphBodyErrors: ErrorRequestHandler = (err: { type?: string }, _req, res, next) => {
  if (err.type === 'entity.parse.failed')
    return graphError(
      res,
      400,
      graphErrorBody(GRAPH_ERROR.INVALID_PARAMETER, { details: 'The request body is not valid JSON' }),
    );
  if (err.type === 'entity.too.large')
    return graphError(
      res,
      413,
      graphErrorBody(GRAPH_ERROR.INVALID_PARAMETER, { details: 'The request body is too large' }),
    );
  next(err);
};
