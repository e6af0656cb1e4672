import type { VarValue } from '@botflow/graph';
import type { Intent, LanguageModel } from './ai/language-model.ts';
import { invalidInput, list, text, type EffectInput } from './input.ts';

/** The classify_intent node's call: `{intent, confidence}`, intent one of those offered or null. */
export function createClassifyIntent(model: LanguageModel) {
  return async function classifyIntent(input: EffectInput): Promise<VarValue> {
    const intents: Intent[] = list(input, 'intents').map((i) => ({
      id: text(i, 'id'),
      description: text(i, 'description'),
    }));
    if (intents.length === 0) throw invalidInput('offer at least one intent');
    const result = await model.classify({ text: text(input, 'text'), intents });
    const known = intents.some((i) => i.id === result.intent);
    const confidence = Number.isFinite(result.confidence) ? Math.min(1, Math.max(0, result.confidence)) : 0;
    return known ? { intent: result.intent, confidence } : { intent: null, confidence: 0 };
  };
}
