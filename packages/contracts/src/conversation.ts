import { defineQuery, defineSignal } from '@temporalio/workflow';

/** Registered name of the conversation workflow (the API starts it by name, never importing workflow code). */
export const CONVERSATION_WORKFLOW = 'conversation';

/**
 * One workflow id per customer and business number. When a conversation ends, the customer's next message starts a
 * new run under the same id; each run (with its continue-as-new chain) is one conversation.
 */
export function conversationWorkflowId(phoneNumberId: string, customerKey: string): string {
  return `conv:${phoneNumberId}:${customerKey}`;
}

/** The customer's stable key: the WhatsApp id (phone-based) when present, else the business-scoped user id. */
export function customerKey(customer: { waId?: string | undefined; userId?: string | undefined }): string {
  if (customer.waId) return customer.waId;
  if (customer.userId) return `u.${customer.userId}`;
  throw new Error('a customer needs a wa_id or a business-scoped user id');
}

export interface CustomerRef {
  waId?: string;
  userId?: string;
  name?: string;
}

/** A customer message, as the API hands it to the conversation workflow. */
export interface InboundSignal {
  /** WhatsApp message id (wamid…): the dedupe key, in the API and in the workflow. */
  id: string;
  type: string;
  text: string;
  optionId?: string;
  /** Meta's timestamp of the message (epoch ms). */
  sentAt: number;
  /** When our API received the webhook (epoch ms): the start of the response-time clock. */
  receivedAt: number;
  customer: CustomerRef;
}

export interface ConversationInput {
  phoneNumberId: string;
  customer: CustomerRef;
  /** Carried across continue-as-new; absent on a conversation's first run. */
  carried?: CarriedConversation;
  /** Messages that reached the previous conversation after it ended: this one starts with them. */
  pending?: InboundSignal[];
  /** Message ids the previous conversation already took, so late duplicates stay recognised. */
  seenMessageIds?: string[];
}

/** Everything a conversation needs to go on in a new run: kept small, it is the next run's input. */
export interface CarriedConversation {
  conversation: ConversationRef;
  engine: { waitingAt: string | null; waitDeadline: number | null; vars: Record<string, string> };
  lastActivityAt: number;
  turn: number;
  /** Recently seen message ids, newest last, so a late duplicate is still recognised after continue-as-new. */
  seenMessageIds: string[];
  /** Messages received but not yet handled when the run continued as new. */
  pending: InboundSignal[];
}

/** The conversation's identity in the database and the bot version it is pinned to. */
export interface ConversationRef {
  id: string;
  workflowId: string;
  phoneNumberId: string;
  channelId: string;
  contactId: string;
  /** The Graph API `to` of replies: the customer's wa_id, or their business-scoped user id. */
  recipient: string;
  organizationId: string;
  botId: string;
  botVersion: number;
  botVersionId: string;
}

export const inboundMessageSignal = defineSignal<[InboundSignal]>('inboundMessage');

export interface ConversationStatus {
  conversationId: string | null;
  botVersion: number | null;
  waitingAt: string | null;
  turn: number;
  pending: number;
  ended: { outcome: string } | null;
}

export const conversationStatusQuery = defineQuery<ConversationStatus>('status');
