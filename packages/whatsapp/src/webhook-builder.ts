import { randomBytes } from 'node:crypto';
import { signPayload } from './signature.ts';
import type { WebhookError } from './wire/common.ts';
import type { InboundContent, InboundMessage, MessageContext } from './wire/inbound-message.ts';
import type { MessageStatus, MessageStatusValue, StatusConversation, StatusPricing } from './wire/status.ts';
import type { WebhookContact, WebhookEnvelope } from './wire/webhook.ts';

/** The business side of a webhook: which account and phone number it is about. */
export interface BusinessPhone {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

/** The customer side. Give `waId` (phone number), `userId` (business-scoped id), or both. */
export interface CustomerIdentity {
  waId?: string;
  userId?: string;
  name?: string;
  username?: string;
}

export function newWamid(): string {
  return `wamid.HBgL${randomBytes(30).toString('base64')}`;
}

export function unixSeconds(at: Date | number = Date.now()): string {
  return String(Math.floor((typeof at === 'number' ? at : at.getTime()) / 1000));
}

export interface InboundOptions {
  id?: string;
  at?: Date | number;
  context?: MessageContext;
}

export function buildInboundMessage(
  customer: CustomerIdentity,
  content: InboundContent,
  options: InboundOptions = {},
): InboundMessage {
  return {
    ...(customer.waId === undefined ? {} : { from: customer.waId }),
    ...(customer.userId === undefined ? {} : { from_user_id: customer.userId }),
    id: options.id ?? newWamid(),
    timestamp: unixSeconds(options.at),
    ...(options.context === undefined ? {} : { context: options.context }),
    ...content,
  };
}

export function buildContact(customer: CustomerIdentity): WebhookContact {
  return {
    profile: { name: customer.name ?? '', ...(customer.username === undefined ? {} : { username: customer.username }) },
    ...(customer.waId === undefined ? {} : { wa_id: customer.waId }),
    ...(customer.userId === undefined ? {} : { user_id: customer.userId }),
  };
}

/** A `messages` webhook carrying one or more inbound messages from one customer. */
export function buildMessagesWebhook(
  business: BusinessPhone,
  customer: CustomerIdentity,
  messages: InboundMessage | InboundMessage[],
): WebhookEnvelope {
  return envelope(business, { contacts: [buildContact(customer)], messages: [messages].flat() });
}

export interface StatusOptions {
  id: string;
  status: MessageStatusValue;
  recipient: CustomerIdentity;
  at?: Date | number;
  conversation?: StatusConversation;
  pricing?: StatusPricing;
  errors?: WebhookError[];
  bizOpaqueCallbackData?: string;
}

export function buildStatus(options: StatusOptions): MessageStatus {
  const { recipient } = options;
  return {
    id: options.id,
    status: options.status,
    timestamp: unixSeconds(options.at),
    ...(recipient.waId === undefined ? {} : { recipient_id: recipient.waId }),
    ...(recipient.userId === undefined ? {} : { recipient_user_id: recipient.userId }),
    ...(options.conversation === undefined ? {} : { conversation: options.conversation }),
    ...(options.pricing === undefined ? {} : { pricing: options.pricing }),
    ...(options.errors === undefined ? {} : { errors: options.errors }),
    ...(options.bizOpaqueCallbackData === undefined ? {} : { biz_opaque_callback_data: options.bizOpaqueCallbackData }),
  };
}

/** A `messages` webhook carrying one or more delivery reports. */
export function buildStatusesWebhook(
  business: BusinessPhone,
  statuses: MessageStatus | MessageStatus[],
): WebhookEnvelope {
  return envelope(business, { statuses: [statuses].flat() });
}

/** The exact bytes and headers Meta would POST, ready for `fetch` or a supertest-style client. */
export function serializeSignedWebhook(
  webhook: unknown,
  appSecret: string,
): { body: string; headers: Record<string, string> } {
  const body = typeof webhook === 'string' ? webhook : JSON.stringify(webhook);
  return {
    body,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(body, appSecret) },
  };
}

function envelope(
  business: BusinessPhone,
  value: Pick<WebhookEnvelope['entry'][number]['changes'][number]['value'], 'contacts' | 'messages' | 'statuses'>,
): WebhookEnvelope {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: business.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: business.displayPhoneNumber.replace(/\D/g, ''),
                phone_number_id: business.phoneNumberId,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}
