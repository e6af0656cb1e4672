import type { VarValue, VariableDecl } from './variables.ts';

/**
 * A compiled bot: what a conversation workflow runs. Immutable once published and identified by its content hash,
 * so a running conversation keeps interpreting exactly the definition it started with.
 */
export interface BotDefinition {
  schemaVersion: 1;
  entry: string;
  nodes: Record<string, NodeSpec>;
  settings: BotSettings;
  /** Declared variables (conversation and contact scopes); absent in definitions compiled before variables existed. */
  variables?: VariableDecl[];
}

export interface BotSettings {
  /** A conversation with no customer message for this long ends with the outcome "abandoned". */
  sessionTimeoutSeconds: number;
  /** Messages arriving within this window of each other form one turn (burst debounce); 0 or absent: off. */
  debounceMs?: number;
  /** The bot's own fields (opening hours, address, …), read-only in expressions and templates as `bot.<name>`. */
  fields?: Record<string, VarValue>;
  /** A customer message containing one of these words (whole words, any case) hands over to a person at any point. */
  humanKeywords?: string[];
  /** What the bot says then; '' says nothing; absent: "A person from our team will reply here shortly." */
  humanKeywordReply?: string;
}

export interface NodeSpec {
  type: string;
  /** Options of the node type, validated and completed with defaults at compile time. */
  options: Record<string, unknown>;
  /** Outgoing edges by port name (`next`, `timeout`, `error`, a case id, …) to node ids. */
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

export interface ReplyButton {
  id: string;
  title: string;
}

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

export type MediaType = 'image' | 'video' | 'audio' | 'document' | 'sticker';

/** The approved template sent instead of free-form content when the customer's 24-hour window is closed. */
export interface TemplateFallback {
  name: string;
  language: string;
  /** Filled in by the node when it speaks. */
  bodyParameters: string[];
}

/** What the bot says; the channel turns it into a WhatsApp message. */
export type OutboundContent =
  | { kind: 'text'; text: string; fallback?: TemplateFallback }
  | {
      kind: 'buttons';
      body: string;
      header?: string;
      footer?: string;
      buttons: ReplyButton[];
      fallback?: TemplateFallback;
    }
  | {
      kind: 'list';
      body: string;
      button: string;
      header?: string;
      footer?: string;
      sections: { title?: string; rows: ListRow[] }[];
      fallback?: TemplateFallback;
    }
  | {
      kind: 'media';
      mediaType: MediaType;
      link: string;
      caption?: string;
      filename?: string;
      fallback?: TemplateFallback;
    }
  | { kind: 'template'; name: string; language: string; bodyParameters: string[] }
  | { kind: 'location_request'; body: string };

/** A customer's message as the engine sees it. */
export interface InboundMessage {
  id: string;
  type: string;
  /** The text the engine reads: message body, button/list reply title, caption; '' when there is none. */
  text: string;
  /** For replies to buttons or lists: the id of the option chosen. */
  optionId?: string;
  /** For location messages. */
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  /** For image, document, audio, video and sticker messages: Meta's media id and its MIME type. */
  media?: { id: string; mimeType?: string };
  receivedAt: number;
}
