import type { UnixSecondsString, WebhookError } from './common.ts';

export type MessageStatusValue = 'sent' | 'delivered' | 'read' | 'failed' | 'played';

export interface StatusConversation {
  id: string;
  expiration_timestamp?: UnixSecondsString;
  origin: { type: 'marketing' | 'utility' | 'authentication' | 'service' | 'referral_conversion' | (string & {}) };
}

export interface StatusPricing {
  billable?: boolean;
  pricing_model: 'CBP' | 'PMP' | (string & {});
  category: string;
  type?: 'regular' | 'free_customer_service' | 'free_entry_point' | (string & {});
}

/**
 * A delivery report for a message the business sent (`value.statuses[]`). "read" may arrive without "delivered",
 * and reports may come late or twice: never let an older status overwrite a newer one.
 */
export interface MessageStatus {
  id: string;
  status: MessageStatusValue;
  timestamp: UnixSecondsString;
  recipient_id?: string;
  recipient_user_id?: string;
  recipient_parent_user_id?: string;
  conversation?: StatusConversation;
  pricing?: StatusPricing;
  errors?: WebhookError[];
  biz_opaque_callback_data?: string;
}
