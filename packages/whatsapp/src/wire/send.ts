import type { MediaReference } from './common.ts';

/**
 * Fields every send request carries. `to` is a phone number; since 2026 `recipient` may name a business-scoped user
 * id instead (when both are present `to` wins). `context.message_id` quotes the message being answered;
 * `biz_opaque_callback_data` (≤512 chars) comes back in every status webhook of this message.
 */
export interface SendBase {
  messaging_product: 'whatsapp';
  recipient_type?: 'individual';
  to?: string;
  recipient?: string;
  context?: { message_id: string };
  biz_opaque_callback_data?: string;
}

export type SendMedia = MediaReference & { caption?: string };
export type SendDocument = SendMedia & { filename?: string };

export type InteractiveHeader =
  | { type: 'text'; text: string }
  | { type: 'image'; image: MediaReference }
  | { type: 'video'; video: MediaReference }
  | { type: 'document'; document: MediaReference & { filename?: string } };

export interface ReplyButton {
  type: 'reply';
  reply: { id: string; title: string };
}

export interface InteractiveButtons {
  type: 'button';
  header?: InteractiveHeader;
  body: { text: string };
  footer?: { text: string };
  action: { buttons: ReplyButton[] };
}

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

export interface ListSection {
  title?: string;
  rows: ListRow[];
}

export interface InteractiveList {
  type: 'list';
  header?: { type: 'text'; text: string };
  body: { text: string };
  footer?: { text: string };
  action: { button: string; sections: ListSection[] };
}

export interface InteractiveLocationRequest {
  type: 'location_request_message';
  body: { text: string };
  action: { name: 'send_location' };
}

export type TemplateParameter =
  | { type: 'text'; text: string; parameter_name?: string }
  | { type: 'currency'; currency: { fallback_value: string; code: string; amount_1000: number } }
  | { type: 'date_time'; date_time: { fallback_value: string } }
  | { type: 'image'; image: MediaReference }
  | { type: 'video'; video: MediaReference }
  | { type: 'document'; document: MediaReference & { filename?: string } }
  | { type: 'payload'; payload: string };

export interface TemplateComponent {
  type: 'header' | 'body' | 'button' | 'footer';
  sub_type?: 'quick_reply' | 'url' | 'copy_code' | (string & {});
  index?: number | string;
  parameters?: TemplateParameter[];
}

export interface SendLocation {
  latitude: number | string;
  longitude: number | string;
  name?: string;
  address?: string;
}

export type SendContent =
  | { type: 'text'; text: { body: string; preview_url?: boolean } }
  | { type: 'interactive'; interactive: InteractiveButtons | InteractiveList | InteractiveLocationRequest }
  | {
      type: 'template';
      template: {
        name: string;
        language: { code: string; policy?: 'deterministic' };
        components?: TemplateComponent[];
      };
    }
  | { type: 'image'; image: SendMedia }
  | { type: 'video'; video: SendMedia }
  | { type: 'audio'; audio: MediaReference }
  | { type: 'document'; document: SendDocument }
  | { type: 'sticker'; sticker: MediaReference }
  | { type: 'reaction'; reaction: { message_id: string; emoji: string } }
  | { type: 'location'; location: SendLocation };

/** Body of `POST /<version>/<phone-number-id>/messages`. */
export type SendRequest = SendBase & SendContent;

/** Alias kept for callers that use the longer name. */
export type SendMessageRequest = SendRequest;

export type SendMessageType = SendContent['type'];

/** Same endpoint, different body: marks an inbound message read (blue ticks), optionally showing "typing…". */
export interface MarkReadRequest {
  messaging_product: 'whatsapp';
  status: 'read';
  message_id: string;
  typing_indicator?: { type: 'text' };
}
