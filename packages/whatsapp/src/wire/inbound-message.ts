import type { UnixSecondsString, WebhookError } from './common.ts';

/** Present when the customer replied to (quoted) a message, or the message was forwarded. */
export interface MessageContext {
  from?: string;
  id?: string;
  forwarded?: boolean;
  frequently_forwarded?: boolean;
}

/**
 * Fields every inbound message has. `from` (the customer's phone number) may be absent since 2026 when the customer
 * uses a username; `from_user_id` (business-scoped user id, e.g. `US.13491208655302741918`) is then the identity.
 */
export interface InboundMessageBase {
  id: string;
  timestamp: UnixSecondsString;
  from?: string;
  from_user_id?: string;
  from_parent_user_id?: string;
  context?: MessageContext;
  errors?: WebhookError[];
}

export interface InboundMedia {
  id: string;
  mime_type: string;
  sha256: string;
  url?: string;
  caption?: string;
}

export interface InboundLocation {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
  url?: string;
}

/** A contact card the customer shared (vCard-like). */
export interface SharedContact {
  name: { formatted_name: string; first_name?: string; last_name?: string; middle_name?: string };
  phones?: { phone: string; type?: string; wa_id?: string }[];
  emails?: { email: string; type?: string }[];
  org?: { company?: string; department?: string; title?: string };
  urls?: { url: string; type?: string }[];
  birthday?: string;
  addresses?: { street?: string; city?: string; state?: string; zip?: string; country?: string; type?: string }[];
  vcard?: string;
}

export type ButtonReply = { id: string; title: string };
export type ListReply = { id: string; title: string; description?: string };

/** What distinguishes one kind of inbound message from another: `type` plus the object named by it. */
export type InboundContent =
  | { type: 'text'; text: { body: string } }
  | { type: 'interactive'; interactive: { type: 'button_reply'; button_reply: ButtonReply } }
  | { type: 'interactive'; interactive: { type: 'list_reply'; list_reply: ListReply } }
  | { type: 'button'; button: { payload: string; text: string } }
  | { type: 'image'; image: InboundMedia }
  | { type: 'video'; video: InboundMedia }
  | { type: 'sticker'; sticker: InboundMedia & { animated?: boolean } }
  | { type: 'document'; document: InboundMedia & { filename?: string } }
  | { type: 'audio'; audio: InboundMedia & { voice?: boolean } }
  | { type: 'location'; location: InboundLocation }
  | { type: 'contacts'; contacts: SharedContact[] }
  | { type: 'reaction'; reaction: { message_id: string; emoji?: string } }
  | { type: 'unsupported'; unsupported?: { type?: string } };

/**
 * An inbound message of a known kind. Meta adds kinds over time (`system`, `order`, `request_welcome`…): parse
 * `type` with {@link isKnownInboundMessage} and treat anything else as unsupported rather than failing.
 */
export type InboundMessage = InboundMessageBase & InboundContent;

export type InboundMessageType = InboundContent['type'];

export const INBOUND_MESSAGE_TYPES: readonly InboundMessageType[] = [
  'text',
  'interactive',
  'button',
  'image',
  'video',
  'sticker',
  'document',
  'audio',
  'location',
  'contacts',
  'reaction',
  'unsupported',
];

export function isKnownInboundMessage(message: InboundMessageBase & { type: string }): message is InboundMessage {
  return (INBOUND_MESSAGE_TYPES as readonly string[]).includes(message.type);
}
