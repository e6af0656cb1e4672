import type { NodeType } from '../../node-type.ts';
import { classifyIntent } from './classify-intent/index.ts';
import { extractFields } from './extract-fields/index.ts';
import { knowledgeAnswer } from './knowledge-answer/index.ts';
import { llmReply } from './llm-reply/index.ts';

/** AI: replies, answers, intents and fields from language models, through provider interfaces. */
export const AI_NODE_TYPES = [llmReply, knowledgeAnswer, classifyIntent, extractFields] as unknown as NodeType[];
