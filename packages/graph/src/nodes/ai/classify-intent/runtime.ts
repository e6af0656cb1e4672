import type { NodeContext, NodeRuntime, NodeStep } from '../../../node-runtime.ts';
import { effectStep, effectValue } from '../../effect-step.ts';
import type { ClassifyIntentOptions } from './schema.ts';

/** Leaves through the intent the model recognises with enough confidence, else through `unknown`. */
export const classifyIntentRuntime: NodeRuntime<ClassifyIntentOptions> = {
  enter(ctx, options) {
    const text = ctx.interpolate(options.text).trim();
    if (text === '') return leave(ctx, options, 'unknown');
    const intents = options.intents.map(({ id, description }) => ({ id, description }));
    return effectStep('classify_intent', { text, intents }, options);
  },
  complete(ctx, options, result) {
    const { intent, confidence } = effectValue(result);
    const known = options.intents.some((i) => i.id === intent);
    const sure = typeof confidence === 'number' && confidence >= options.minConfidence;
    return leave(ctx, options, known && sure ? (intent as string) : 'unknown');
  },
};

function leave(ctx: NodeContext, { variable }: ClassifyIntentOptions, port: string): NodeStep {
  if (variable) ctx.set(variable, port);
  return { kind: 'continue', port };
}
