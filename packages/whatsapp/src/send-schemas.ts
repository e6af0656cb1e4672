import { z } from 'zod';
import { interactiveButtons, interactiveList, interactiveLocationRequest } from './interactive-schemas.ts';
import { caption, filename, LIMITS, mediaReference, text } from './send-limits.ts';

export const SEND_MESSAGE_TYPES = [
  'text',
  'interactive',
  'template',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'reaction',
  'location',
] as const;

const coordinate = (limit: number) =>
  z
    .union([
      z.number(),
      z
        .string()
        .regex(/^-?\d+(\.\d+)?$/)
        .transform(Number),
    ])
    .pipe(z.number().min(-limit).max(limit));

/** The object each message `type` requires, keyed by type. */
export const CONTENT_SCHEMAS: Record<(typeof SEND_MESSAGE_TYPES)[number], z.ZodType> = {
  text: z.object({ text: z.object({ body: text(LIMITS.textBody), preview_url: z.boolean().optional() }) }),
  interactive: z.object({
    interactive: z.discriminatedUnion('type', [interactiveButtons, interactiveList, interactiveLocationRequest]),
  }),
  template: z.object({
    template: z.object({
      name: z.string().min(1).max(512),
      language: z.object({ code: z.string().min(1), policy: z.literal('deterministic').optional() }),
      components: z
        .array(
          z.looseObject({
            type: z.enum(['header', 'body', 'button', 'footer']),
            parameters: z.array(z.looseObject({ type: z.string() })).optional(),
          }),
        )
        .optional(),
    }),
  }),
  image: z.object({ image: mediaReference(caption) }),
  video: z.object({ video: mediaReference(caption) }),
  audio: z.object({ audio: mediaReference({}) }),
  document: z.object({ document: mediaReference({ ...caption, ...filename }) }),
  sticker: z.object({ sticker: mediaReference({}) }),
  reaction: z.object({ reaction: z.object({ message_id: z.string().min(1), emoji: z.string() }) }),
  location: z.object({
    location: z.object({
      latitude: coordinate(90),
      longitude: coordinate(180),
      name: z.string().optional(),
      address: z.string().optional(),
    }),
  }),
};

export const BASE_SCHEMA = z.object({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  to: z.string().min(1).optional(),
  recipient: z.string().min(1).optional(),
  type: z.enum(SEND_MESSAGE_TYPES),
  context: z.object({ message_id: z.string().min(1) }).optional(),
  biz_opaque_callback_data: z.string().max(LIMITS.bizOpaqueCallbackData).optional(),
});
