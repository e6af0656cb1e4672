/**
 * A compiled bot: what a conversation workflow runs. Immutable once published and identified by its content hash,
 * so a running conversation keeps interpreting exactly the definition it started with.
 */
export interface BotDefinition {
  schemaVersion: 1;
  entry: string;
  nodes: Record<string, NodeSpec>;
  settings: BotSettings;
}

export interface BotSettings {
  /** A conversation with no customer message for this long ends with the outcome "timeout". */
  sessionTimeoutSeconds: number;
}

export interface NodeSpec {
  type: string;
  /** Options of the node type (validated at compile time against the type's schema). */
  options: Record<string, unknown>;
  /** Outgoing edges by port name (`next`, `timeout`, a branch case id, …) to node ids. */
  next: Record<string, string>;
}

/** A published version of a bot, as a conversation pins it. */
export interface PinnedBot {
  organizationId: string;
  botId: string;
  version: number;
  hash: string;
  definition: BotDefinition;
}

/** What the bot says; the channel turns it into a WhatsApp message. */
export type OutboundContent = { kind: 'text'; text: string };

/** A customer's message as the engine sees it. */
export interface InboundMessage {
  id: string;
  type: string;
  /** The text the engine reads: message body, button/list reply title, caption; '' when there is none. */
  text: string;
  /** For replies to buttons or lists: the id of the option chosen. */
  optionId?: string;
  receivedAt: number;
}
