import type { VarValue } from '@botflow/graph';
import type { KnowledgeSource } from './ai/language-model.ts';
import { text, type EffectInput } from './input.ts';
import { MAX_REPLY_CHARS } from './llm-reply.ts';

/** The knowledge_answer node's call: `{answer, sources, grounded}`. */
export function createKnowledgeAnswer(knowledge: KnowledgeSource) {
  return async function knowledgeAnswer(input: EffectInput): Promise<VarValue> {
    const result = await knowledge.answer({
      knowledgeBaseId: text(input, 'knowledgeBaseId'),
      question: text(input, 'question'),
    });
    const answer = result.answer.trim().slice(0, MAX_REPLY_CHARS);
    return { answer, sources: [...result.sources], grounded: result.grounded && answer !== '' };
  };
}
