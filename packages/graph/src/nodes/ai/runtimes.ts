import type { NodeRuntime } from '../../node-runtime.ts';
import { classifyIntentRuntime } from './classify-intent/runtime.ts';
import { extractFieldsRuntime } from './extract-fields/runtime.ts';
import { knowledgeAnswerRuntime } from './knowledge-answer/runtime.ts';
import { llmReplyRuntime } from './llm-reply/runtime.ts';

export const AI_RUNTIMES: Record<string, NodeRuntime<never>> = {
  llm_reply: llmReplyRuntime,
  knowledge_answer: knowledgeAnswerRuntime,
  classify_intent: classifyIntentRuntime,
  extract_fields: extractFieldsRuntime,
};
