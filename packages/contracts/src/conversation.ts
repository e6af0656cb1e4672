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
  /** For location messages. */
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  /** For image, document, audio, video and sticker messages. */
  media?: { id: string; mimeType?: string };
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
  /** The engine's state (`@botflow/graph` EngineState) minus `ended`: plain JSON. */
  engine: CarriedEngine;
  lastActivityAt: number;
  turn: number;
  /** Recently seen message ids, newest last, so a late duplicate is still recognised after continue-as-new. */
  seenMessageIds: string[];
  /** Messages received but not yet handled when the run continued as new. */
  pending: InboundSignal[];
  pendingMove?: VersionMove | null;
  /** Agents' replies accepted but not yet sent when the run continued as new. */
  agentReplies?: AgentReply[];
  /** A release of the hand-over that came while the run continued as new. */
  pendingRelease?: HandoffRelease | null;
}

export type CarriedValue = string | number | boolean | null | CarriedValue[] | { [key: string]: CarriedValue };

export interface CarriedEngine {
  waitingAt: string | null;
  waitDeadline: number | null;
  vars: Record<string, CarriedValue>;
  sleeping?: { node: string; until: number } | null;
  handoff?: { node: string; reason: string; interrupted?: boolean } | null;
  callStack?: { node: string; port: string }[];
  memory?: Record<string, CarriedValue>;
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

/** The owner published a version and chose to move running conversations to it at their next question. */
export interface VersionMove {
  botVersionId: string;
  version: number;
  /** Old node id → new node id, for questions that were renamed; unmapped questions keep their id. */
  nodeMapping?: Record<string, string>;
}

export const moveToVersionSignal = defineSignal<[VersionMove]>('moveToVersion');

/** How the human who took the conversation over hands it back to the bot. */
export interface HandoffRelease {
  releasedBy?: string;
  /** Go on at this node of the conversation's version (the API checks it exists); absent: where the bot stopped. */
  atNode?: string;
  /** The conversation meant: a release for an earlier conversation of the same customer is ignored. */
  conversationId?: string;
}

export const releaseHandoffSignal = defineSignal<[HandoffRelease]>('releaseHandoff');

/** A reply a person wrote in the agent inbox, sent through the same exactly-once path as the bot's replies. */
export interface AgentReply {
  /** Idempotency id (client-supplied or generated by the API): the same id is sent once, however often it comes. */
  id: string;
  text: string;
  /** Who wrote it, as shown in the inbox. */
  agent: string;
  /** The conversation it answers: a reply meant for an earlier conversation of the customer is dropped. */
  conversationId: string;
}

export const agentReplySignal = defineSignal<[AgentReply]>('agentReply');

/** The idempotency key of an agent reply's outbound message (also its `biz_opaque_callback_data`). */
export function agentReplyKey(conversationId: string, replyId: string): string {
  return `${conversationId}:agent:${replyId}`;
}

/** What a turn changed about a hand-over, recorded (with its event) in the same transaction as the turn. */
export type HandoffChange =
  | { kind: 'started'; node: string; reason: string; trigger: 'node' | 'keyword' }
  | { kind: 'released'; atNode: string | null; releasedBy: string | null };

export interface ConversationStatus {
  conversationId: string | null;
  botVersion: number | null;
  waitingAt: string | null;
  turn: number;
  pending: number;
  ended: { outcome: string } | null;
  /** Set while a human has the conversation. */
  handoff?: { node: string; reason: string; interrupted?: boolean } | null;
  /** Agents' replies accepted and not yet sent. */
  agentReplies?: number;
  /** A version move the owner asked for that waits for the conversation's next question. */
  pendingMove?: VersionMove | null;
}

export const conversationStatusQuery = defineQuery<ConversationStatus>('status');
