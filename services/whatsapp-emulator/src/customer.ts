import { HttpError } from '@botflow/service-kit';
import {
  buildInboundMessage,
  buildMessagesWebhook,
  type InboundContent,
  type InboundMessage,
  type SendRequest,
} from '@botflow/whatsapp';
import type { EmulatorContext } from './context.ts';
import { contentOf, type CustomerMessageInput } from './customer-input.ts';
import type { Chat } from './state.ts';

export interface CustomerSendResult {
  wamid: string;
  delivered: boolean;
  status: number | null;
  deliveryId: number;
  error?: string;
}

/** The simulated customer writes to the business: a Meta-shaped, signed webhook is POSTed to the bot. */
export async function sendAsCustomer(
  ctx: EmulatorContext,
  waIdParam: string,
  input: CustomerMessageInput,
): Promise<CustomerSendResult> {
  const { state, options } = ctx;
  const waId = waIdParam.replace(/\D/g, '');
  if (waId === '') throw new HttpError(400, `customer id ${waIdParam} is not a phone number (digits only)`);
  const number = state.phoneNumbers.get(input.phoneNumberId ?? options.phoneNumberId);
  if (number === undefined) throw new HttpError(404, `phone number id ${input.phoneNumberId} is not registered`);

  const chat = state.chatFor({
    waId,
    ...(input.userId ? { userId: input.userId } : {}),
    ...(input.name ? { name: input.name } : {}),
  });
  const customer = {
    ...(input.hidePhone ? {} : { waId }),
    ...(chat.userId ? { userId: chat.userId } : {}),
    name: chat.name ?? `Customer ${waId.slice(-4)}`,
  };
  const content = state.media.attach(contentOf(input), input);
  const contextId = input.contextId ?? (input.message ? undefined : answeredMessage(chat, content));
  const context = contextId ? { context: { from: number.displayPhoneNumber.replace(/\D/g, ''), id: contextId } } : {};
  const message = input.message
    ? ({ ...buildInboundMessage(customer, content, context), ...input.message } as InboundMessage)
    : buildInboundMessage(customer, content, context);

  const entry = state.record(chat, {
    direction: 'inbound',
    wamid: message.id,
    phoneNumberId: number.phoneNumberId,
    type: message.type,
    message,
    webhookDelivered: false,
    ...(message.context?.id ? { contextId: message.context.id } : {}),
  });
  chat.lastInboundAt = Date.now();
  state.stats.inbound += 1;
  const result = await ctx.webhooks.deliver({
    url: number.webhookUrl,
    appSecret: number.appSecret,
    payload: buildMessagesWebhook(number, customer, message),
    kind: 'message',
    summary: `${message.type} from ${waId}`,
    onDelivered: () => (entry.webhookDelivered = true),
  });
  return { wamid: message.id, ...result };
}

/** A tap on a button or list row answers the latest business message that offered it, so it quotes that message. */
function answeredMessage(chat: Chat, content: InboundContent): string | undefined {
  let optionId: string | undefined;
  if (content.type === 'interactive') {
    optionId =
      content.interactive.type === 'button_reply'
        ? content.interactive.button_reply.id
        : content.interactive.list_reply.id;
  }
  const wantsTemplate = content.type === 'button';
  if (optionId === undefined && !wantsTemplate) return undefined;
  for (const entry of [...chat.entries].reverse()) {
    if (entry.direction !== 'outbound') continue;
    const sent = entry.message as SendRequest;
    if (wantsTemplate && sent.type === 'template') return entry.wamid;
    if (optionId !== undefined && sent.type === 'interactive' && offeredOptions(sent).includes(optionId))
      return entry.wamid;
  }
  return undefined;
}

function offeredOptions(sent: Extract<SendRequest, { type: 'interactive' }>): string[] {
  const i = sent.interactive;
  if (i.type === 'location_request_message') return [];
  return i.type === 'button'
    ? i.action.buttons.map((b) => b.reply.id)
    : i.action.sections.flatMap((s) => s.rows.map((r) => r.id));
}
