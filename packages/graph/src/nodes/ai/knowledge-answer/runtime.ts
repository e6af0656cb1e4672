import type { NodeContext, NodeRuntime, NodeStep } from '../../../node-runtime.ts';
import { displayValue } from '../../../variables.ts';
import { effectStep, effectValue } from '../../effect-step.ts';
import type { KnowledgeAnswerOptions } from './schema.ts';

/** Answers a question from the owner's documents; says the fallback when they hold no answer. */
export const knowledgeAnswerRuntime: NodeRuntime<KnowledgeAnswerOptions> = {
  enter(ctx, options) {
    const question = displayValue(ctx.get(options.questionFrom)).trim();
    if (question === '') return unknown(ctx, options);
    return effectStep('knowledge_answer', { knowledgeBaseId: options.knowledgeBaseId, question }, options);
  },
  complete(ctx, options, result) {
    const { answer, grounded } = effectValue(result);
    if (grounded !== true || typeof answer !== 'string' || answer.trim() === '') return unknown(ctx, options);
    ctx.say({ kind: 'text', text: answer });
    if (options.variable) ctx.set(options.variable, answer);
    return { kind: 'continue', port: 'answered' };
  },
};

function unknown(ctx: NodeContext, { fallbackText, variable }: KnowledgeAnswerOptions): NodeStep {
  if (fallbackText !== '') ctx.say({ kind: 'text', text: ctx.interpolate(fallbackText) });
  if (variable) ctx.set(variable, '');
  return { kind: 'continue', port: 'unknown' };
}
