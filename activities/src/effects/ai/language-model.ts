import type { VarValue } from '@botflow/graph';

/**
 * What the AI nodes need from a language model and a knowledge base. Providers (OpenAI, Anthropic, a vector store)
 * implement these; `offline.ts` is the stand-in used until one is configured.
 */

export interface ChatTurn {
  from: 'customer' | 'bot';
  text: string;
}

export type FieldType = 'string' | 'number' | 'boolean' | 'email' | 'phone' | 'date';

export interface Intent {
  id: string;
  description: string;
}

export interface FieldRequest {
  name: string;
  type: FieldType;
  description: string;
}

export interface LanguageModel {
  /** A reply to the prompt that follows the system instructions, with earlier turns as context when given. */
  reply(request: { system: string; history?: ChatTurn[]; prompt: string }): Promise<string>;
  /** The intent the text expresses, or null when none fits; confidence from 0 to 1. */
  classify(request: { text: string; intents: Intent[] }): Promise<{ intent: string | null; confidence: number }>;
  /** Each field found in the text by name; null (or absent) when the text does not give it. */
  extract(request: { text: string; fields: FieldRequest[] }): Promise<Record<string, VarValue>>;
}

export interface KnowledgeAnswer {
  answer: string;
  /** Names of the documents the answer comes from. */
  sources: string[];
  /** True only when the answer is backed by the knowledge base rather than guessed. */
  grounded: boolean;
}

/** The conversation activity that asks: whose bot it is, and a key that stays the same when the activity retries. */
export interface AskedIn {
  workflowId: string;
  runId: string;
  activityId: string;
}

export interface KnowledgeSource {
  answer(request: { knowledgeBaseId: string; question: string; askedIn?: AskedIn }): Promise<KnowledgeAnswer>;
}
