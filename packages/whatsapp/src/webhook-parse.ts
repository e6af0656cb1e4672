import { z } from 'zod';
import type { InboundMessage } from './wire/inbound-message.ts';
import type { MessageStatus } from './wire/status.ts';

/** A customer message from a webhook, with what the engine reads already extracted. */
export interface ParsedInboundMessage {
  wabaId: string;
  phoneNumberId: string;
  id: string;
  type: string;
  /** The text a bot reads: body, reply title, caption, location name…; '' when there is none. */
  text: string;
  optionId?: string;
  location?: ReadableContent['location'];
  media?: ReadableContent['media'];
  /** Meta's send time, epoch ms. */
  sentAt: number;
  customer: { waId?: string; userId?: string; name?: string };
  message: InboundMessage;
}

export interface ParsedStatus {
  phoneNumberId: string;
  status: MessageStatus;
}

export interface ParsedWebhook {
  messages: ParsedInboundMessage[];
  statuses: ParsedStatus[];
}

export class WebhookShapeError extends Error {
  override name = 'WebhookShapeError';
}

const idString = z.string().min(1).max(512);
const messageShape = z.looseObject({
  id: idString,
  type: z.string().min(1),
  timestamp: z.string().regex(/^\d+$/, 'timestamp must be unix seconds as a string'),
  from: idString.optional(),
  from_user_id: idString.optional(),
});
const statusShape = z.looseObject({
  id: idString,
  status: z.string().min(1),
  timestamp: z.string().regex(/^\d+$/, 'timestamp must be unix seconds as a string'),
});
const envelopeShape = z.object({
  object: z.literal('whatsapp_business_account', { message: 'object must be "whatsapp_business_account"' }),
  entry: z.array(
    z.object({
      id: idString,
      changes: z.array(
        z.object({
          field: z.string(),
          value: z.looseObject({
            metadata: z.looseObject({ phone_number_id: idString }).optional(),
            contacts: z
              .array(z.looseObject({ wa_id: z.string().optional(), user_id: z.string().optional() }))
              .optional(),
            messages: z.array(messageShape).optional(),
            statuses: z.array(statusShape).optional(),
          }),
        }),
      ),
    }),
  ),
});

/**
 * Reads a webhook body (already JSON-parsed) into customer messages and delivery statuses. Unknown message kinds
 * are kept (type as sent, no text), never a failure; a body of the wrong shape throws a WebhookShapeError whose
 * message says which field is wrong.
 */
export function parseWebhook(body: unknown): ParsedWebhook {
  const parsed = envelopeShape.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WebhookShapeError(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid webhook'}`);
  }
  const result: ParsedWebhook = { messages: [], statuses: [] };
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const phoneNumberId = change.value.metadata?.phone_number_id;
      if (!phoneNumberId) throw new WebhookShapeError('entry.changes.value.metadata.phone_number_id is missing');
      const contacts = (change.value.contacts ?? []) as {
        wa_id?: string;
        user_id?: string;
        profile?: { name?: string };
      }[];
      for (const raw of change.value.messages ?? []) {
        const message = raw as unknown as InboundMessage;
        const contact = contacts.find(
          (c) => (raw.from && c.wa_id === raw.from) || (raw.from_user_id && c.user_id === raw.from_user_id),
        );
        const waId = raw.from ?? contact?.wa_id;
        const userId = raw.from_user_id ?? contact?.user_id;
        if (!waId && !userId) throw new WebhookShapeError(`message ${raw.id} has neither "from" nor "from_user_id"`);
        result.messages.push({
          wabaId: entry.id,
          phoneNumberId,
          id: raw.id,
          type: raw.type,
          ...readableContent(message),
          sentAt: Number(raw.timestamp) * 1000,
          customer: {
            ...(waId ? { waId } : {}),
            ...(userId ? { userId } : {}),
            ...(contact?.profile?.name ? { name: contact.profile.name } : {}),
          },
          message,
        });
      }
      for (const status of change.value.statuses ?? []) {
        result.statuses.push({ phoneNumberId, status: status as unknown as MessageStatus });
      }
    }
  }
  return result;
}

export interface ReadableContent {
  text: string;
  optionId?: string;
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  media?: { id: string; mimeType?: string };
}

function mediaOf(media: { id: string; mime_type?: string }): ReadableContent['media'] {
  return { id: media.id, ...(media.mime_type ? { mimeType: media.mime_type } : {}) };
}

/** What a bot reads from each kind of message. */
export function readableContent(message: InboundMessage): ReadableContent {
  switch (message.type) {
    case 'text':
      return { text: message.text.body };
    case 'interactive':
      return message.interactive.type === 'button_reply'
        ? { text: message.interactive.button_reply.title, optionId: message.interactive.button_reply.id }
        : { text: message.interactive.list_reply.title, optionId: message.interactive.list_reply.id };
    case 'button':
      return { text: message.button.text, optionId: message.button.payload };
    case 'image':
      return { text: message.image.caption ?? '', media: mediaOf(message.image) };
    case 'video':
      return { text: message.video.caption ?? '', media: mediaOf(message.video) };
    case 'document':
      return { text: message.document.caption ?? message.document.filename ?? '', media: mediaOf(message.document) };
    case 'audio':
      return { text: '', media: mediaOf(message.audio) };
    case 'sticker':
      return { text: '', media: mediaOf(message.sticker) };
    case 'location': {
      const { latitude, longitude, name, address } = message.location;
      return {
        text: name ?? address ?? `${latitude},${longitude}`,
        location: {
          latitude: Number(latitude),
          longitude: Number(longitude),
          ...(name ? { name } : {}),
          ...(address ? { address } : {}),
        },
      };
    }
    case 'contacts':
      return { text: message.contacts.map((c) => c.name.formatted_name).join(', ') };
    case 'reaction':
      return { text: message.reaction.emoji ?? '' };
    default:
      return { text: '' };
  }
}
