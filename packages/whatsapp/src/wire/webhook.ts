import type { WebhookError } from './common.ts';
import type { InboundMessage } from './inbound-message.ts';
import type { MessageStatus } from './status.ts';

export interface WebhookMetadata {
  display_phone_number: string;
  phone_number_id: string;
}

/** The customer behind `messages[]`. Either identifier may be missing (usernames, 2026): key on both. */
export interface WebhookContact {
  profile: { name: string; username?: string };
  wa_id?: string;
  user_id?: string;
  parent_user_id?: string;
}

export interface MessagesChangeValue {
  messaging_product: 'whatsapp';
  metadata: WebhookMetadata;
  contacts?: WebhookContact[];
  messages?: InboundMessage[];
  statuses?: MessageStatus[];
  errors?: WebhookError[];
}

export interface WebhookChange {
  field: 'messages' | (string & {});
  value: MessagesChangeValue;
}

export interface WebhookEntry {
  /** The WhatsApp Business Account id. */
  id: string;
  changes: WebhookChange[];
}

/** A webhook POST body. One POST may batch many entries, changes, messages and statuses. */
export interface WebhookEnvelope {
  object: 'whatsapp_business_account';
  entry: WebhookEntry[];
}
