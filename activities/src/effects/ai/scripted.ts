import type { VarValue } from '@botflow/graph';
import type { KnowledgeAnswer, KnowledgeSource, LanguageModel } from './language-model.ts';

/** For tests: a model and a knowledge source that give fixed answers, to see how activities treat odd ones. */
export function scriptedModel(answers: {
  reply?: string;
  classify?: { intent: string | null; confidence: number };
  extract?: Record<string, VarValue>;
}): LanguageModel {
  return {
    reply: async () => answers.reply ?? '',
    classify: async () => answers.classify ?? { intent: null, confidence: 0 },
    extract: async () => answers.extract ?? {},
  };
}

export function scriptedKnowledge(answer: KnowledgeAnswer): KnowledgeSource {
  return { answer: async () => answer };
}
