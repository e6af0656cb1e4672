import { z } from 'zod';
import { inboundContent, type InboundContent } from '@botflow/whatsapp';

const media = z.object({
  id: z.string().min(1).optional(),
  mime_type: z.string().min(1).optional(),
  sha256: z.string().optional(),
  url: z.string().optional(),
  caption: z.string().optional(),
});

const CONTENT_KEYS = [
  'text',
  'buttonReply',
  'listReply',
  'templateButton',
  'location',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'contacts',
  'reaction',
  'message',
] as const;

/** Body of `POST /_emulator/customers/:waId/messages`: exactly one kind of content, plus who sends it and where. */
export const customerMessageInput = z
  .object({
    text: z.string().min(1).optional(),
    buttonReply: z.object({ id: z.string().min(1), title: z.string() }).optional(),
    listReply: z.object({ id: z.string().min(1), title: z.string(), description: z.string().optional() }).optional(),
    templateButton: z.object({ payload: z.string(), text: z.string() }).optional(),
    location: z
      .object({
        latitude: z.number(),
        longitude: z.number(),
        name: z.string().optional(),
        address: z.string().optional(),
        url: z.string().optional(),
      })
      .optional(),
    image: media.optional(),
    video: media.optional(),
    audio: media.extend({ voice: z.boolean().optional() }).optional(),
    document: media.extend({ filename: z.string().optional() }).optional(),
    sticker: media.extend({ animated: z.boolean().optional() }).optional(),
    contacts: z
      .array(z.looseObject({ name: z.looseObject({ formatted_name: z.string() }) }))
      .min(1)
      .optional(),
    reaction: z.object({ message_id: z.string().min(1), emoji: z.string().optional() }).optional(),
    /** A raw Meta message object, sent as is (any `type`, even ones Meta has not invented yet). */
    message: z.looseObject({ type: z.string().min(1) }).optional(),
    phoneNumberId: z.string().min(1).optional(),
    name: z.string().optional(),
    /** Business-scoped user id, e.g. US.13491208655302741918. */
    userId: z.string().min(1).optional(),
    /** Leave the phone number out of the webhook, as for a customer with a username (needs userId). */
    hidePhone: z.boolean().optional(),
    /** The wamid this message quotes; button and list replies quote the message they answer automatically. */
    contextId: z.string().min(1).optional(),
  })
  .refine((input) => CONTENT_KEYS.filter((key) => input[key] !== undefined).length === 1, {
    message: `give exactly one of ${CONTENT_KEYS.join(', ')}`,
  })
  .refine((input) => !input.hidePhone || input.userId !== undefined, {
    message: 'hidePhone needs a userId',
    path: ['userId'],
  });

export type CustomerMessageInput = z.infer<typeof customerMessageInput>;

/** The content to put in the webhook; a raw `message` is used as given instead. */
export function contentOf(input: CustomerMessageInput): InboundContent {
  if (input.text !== undefined) return inboundContent.text(input.text);
  if (input.buttonReply) return inboundContent.buttonReply(input.buttonReply.id, input.buttonReply.title);
  if (input.listReply)
    return inboundContent.listReply(input.listReply.id, input.listReply.title, input.listReply.description);
  if (input.templateButton)
    return inboundContent.templateButton(input.templateButton.payload, input.templateButton.text);
  if (input.location) return inboundContent.location(input.location);
  if (input.image) return inboundContent.image(input.image);
  if (input.video) return inboundContent.video(input.video);
  if (input.audio) return inboundContent.audio(input.audio);
  if (input.document) return inboundContent.document(input.document);
  if (input.sticker) return inboundContent.sticker(input.sticker);
  if (input.contacts) return inboundContent.contacts(input.contacts);
  if (input.reaction) return inboundContent.reaction(input.reaction.message_id, input.reaction.emoji);
  return inboundContent.unsupported();
}
