import { createHash, randomInt } from 'node:crypto';
import type { InboundContent, InboundLocation, InboundMedia, SharedContact } from './wire/inbound-message.ts';

type MediaKind = 'image' | 'video' | 'sticker' | 'document' | 'audio';

const DEFAULT_MIME: Record<MediaKind, string> = {
  image: 'image/jpeg',
  video: 'video/mp4',
  sticker: 'image/webp',
  document: 'application/pdf',
  audio: 'audio/ogg; codecs=opus',
};

function media(kind: MediaKind, fields: Partial<InboundMedia>): InboundMedia {
  const id = fields.id ?? `1${randomInt(1e14, 2e14)}`;
  return {
    id,
    mime_type: fields.mime_type ?? DEFAULT_MIME[kind],
    sha256: fields.sha256 ?? createHash('sha256').update(id).digest('base64'),
    ...fields,
  };
}

/** The type-specific part of an inbound message, one builder per kind a customer can send. */
export const inboundContent = {
  text: (body: string): InboundContent => ({ type: 'text', text: { body } }),
  buttonReply: (id: string, title: string): InboundContent => ({
    type: 'interactive',
    interactive: { type: 'button_reply', button_reply: { id, title } },
  }),
  listReply: (id: string, title: string, description?: string): InboundContent => ({
    type: 'interactive',
    interactive: {
      type: 'list_reply',
      list_reply: description === undefined ? { id, title } : { id, title, description },
    },
  }),
  /** A tap on a template's quick-reply button. */
  templateButton: (payload: string, text: string): InboundContent => ({ type: 'button', button: { payload, text } }),
  image: (fields: Partial<InboundMedia> = {}): InboundContent => ({ type: 'image', image: media('image', fields) }),
  video: (fields: Partial<InboundMedia> = {}): InboundContent => ({ type: 'video', video: media('video', fields) }),
  sticker: (fields: Partial<InboundMedia> & { animated?: boolean } = {}): InboundContent => ({
    type: 'sticker',
    sticker: { animated: false, ...media('sticker', fields) },
  }),
  document: (fields: Partial<InboundMedia> & { filename?: string } = {}): InboundContent => ({
    type: 'document',
    document: media('document', fields),
  }),
  audio: (fields: Partial<InboundMedia> & { voice?: boolean } = {}): InboundContent => ({
    type: 'audio',
    audio: { voice: true, ...media('audio', fields) },
  }),
  location: (location: InboundLocation): InboundContent => ({ type: 'location', location }),
  contacts: (contacts: SharedContact[]): InboundContent => ({ type: 'contacts', contacts }),
  /** An empty or missing emoji means the customer removed their reaction. */
  reaction: (messageId: string, emoji?: string): InboundContent => ({
    type: 'reaction',
    reaction: emoji === undefined ? { message_id: messageId } : { message_id: messageId, emoji },
  }),
  unsupported: (): InboundContent => ({ type: 'unsupported' }),
};
