import type { VarValue } from '@botflow/graph';
import type { LanguageModel } from './ai/language-model.ts';
import { text, type EffectInput } from './input.ts';

/** WhatsApp's limit for one text message: a longer reply is cut there. */
export const MAX_REPLY_CHARS = 4096;

/** The llm_reply node's call: `{text}`, the model's reply. */
export function createLlmReply(model: LanguageModel) {
  return async function llmReply(input: EffectInput): Promise<VarValue> {
    const reply = await model.reply({ system: text(input, 'system'), prompt: text(input, 'prompt') });
    return { text: reply.trim().slice(0, MAX_REPLY_CHARS) };
  };
}
