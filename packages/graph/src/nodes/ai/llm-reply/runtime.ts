import type { NodeRuntime } from '../../../node-runtime.ts';
import { effectStep, effectValue } from '../../effect-step.ts';
import type { LlmReplyOptions } from './schema.ts';

/** Asks the language model for a reply; sends it to the customer and/or saves it. */
export const llmReplyRuntime: NodeRuntime<LlmReplyOptions> = {
  enter(ctx, options) {
    const input = { system: ctx.interpolate(options.system), prompt: ctx.interpolate(options.prompt) };
    return effectStep('llm_reply', input, options);
  },
  complete(ctx, { variable, send }, result) {
    const { text } = effectValue(result);
    if (typeof text !== 'string') throw new Error('the language model gave no reply');
    if (variable) ctx.set(variable, text);
    if (send && text !== '') ctx.say({ kind: 'text', text });
    return { kind: 'continue', port: 'next' };
  },
};
