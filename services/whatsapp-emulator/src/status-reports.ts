import {
  buildStatus,
  buildStatusesWebhook,
  GRAPH_ERROR_TITLES,
  type MessageStatusValue,
  type StatusPricing,
  type WebhookError,
} from '@botflow/whatsapp';
import type { EmulatorContext } from './context.ts';
import type { Chat, PhoneNumber, TranscriptEntry } from './state.ts';

export interface AsyncFailure {
  code: number;
  message?: string;
  details?: string;
}

/** After an accepted send: the delivery reports Meta would post (or one `failed` report), spaced by the status delay. */
export function scheduleStatusReports(
  ctx: EmulatorContext,
  number: PhoneNumber,
  chat: Chat,
  entry: TranscriptEntry,
  failure?: AsyncFailure,
): void {
  const sequence: MessageStatusValue[] = failure ? ['failed'] : [...ctx.options.statuses];
  if (entry.type === 'audio' && sequence.includes('read')) sequence.push('played');
  const sentAt = Date.now();
  const order = ctx.state.faults.shuffleStatuses ? [...sequence].reverse() : sequence;
  order.forEach((status, i) => {
    const at = sentAt + (sequence.indexOf(status) + 1) * ctx.options.statusDelayMs;
    const errors = failure ? [webhookError(failure)] : undefined;
    ctx.timers.schedule((i + 1) * ctx.options.statusDelayMs, () =>
      report(ctx, number, chat, entry, status, at, errors),
    );
  });
}

async function report(
  ctx: EmulatorContext,
  number: PhoneNumber,
  chat: Chat,
  entry: TranscriptEntry,
  status: MessageStatusValue,
  at: number,
  errors?: WebhookError[],
): Promise<void> {
  const billable = status === 'sent' || status === 'delivered';
  const payload = buildStatusesWebhook(
    number,
    buildStatus({
      id: entry.wamid,
      status,
      recipient: { ...(chat.waId ? { waId: chat.waId } : {}), ...(chat.userId ? { userId: chat.userId } : {}) },
      at,
      ...(billable
        ? {
            conversation: {
              id: chat.conversationId,
              origin: { type: entry.type === 'template' ? 'utility' : 'service' },
              ...(status === 'sent' ? { expiration_timestamp: String(Math.floor(at / 1000) + 86_400) } : {}),
            },
            pricing: pricing(entry.type),
          }
        : {}),
      ...(errors ? { errors } : {}),
      ...(entry.bizOpaqueCallbackData === undefined ? {} : { bizOpaqueCallbackData: entry.bizOpaqueCallbackData }),
    }),
  );
  entry.statuses.push({ status, at: new Date(at).toISOString(), ...(errors ? { errors } : {}) });
  if (status === 'failed') ctx.state.stats.failedStatuses += 1;
  await ctx.webhooks.deliver({
    url: number.webhookUrl,
    appSecret: number.appSecret,
    payload,
    kind: 'status',
    summary: `${status} ${entry.wamid}`,
  });
}

function pricing(type: string): StatusPricing {
  return type === 'template'
    ? { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' }
    : { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' };
}

function webhookError(failure: AsyncFailure): WebhookError {
  const title = GRAPH_ERROR_TITLES[failure.code] ?? 'Message failed to send';
  return {
    code: failure.code,
    title,
    message: failure.message ?? title,
    error_data: { details: failure.details ?? title },
  };
}
