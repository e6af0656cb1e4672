import type { EffectResult, EffectType, NodeStep, RetrySpec } from '../node-runtime.ts';
import type { VarValue } from '../variables.ts';

/** Runtime helpers for nodes that ask the workflow for a side effect; free of zod so the sandbox can load them. */

export interface EffectOptions {
  retry: RetrySpec;
  timeoutSeconds: number;
}

export function effectStep(type: EffectType, input: Record<string, VarValue>, options: EffectOptions): NodeStep {
  const { maxAttempts, initialIntervalSeconds } = options.retry;
  return {
    kind: 'effect',
    effect: { type, input, retry: { maxAttempts, initialIntervalSeconds }, timeoutSeconds: options.timeoutSeconds },
  };
}

/**
 * The value of a successful effect. A failed one throws: the engine then records the error as the conversation's
 * last error and leaves the node through `error`.
 */
export function effectValue(result: EffectResult): Record<string, VarValue> {
  if (!result.ok) throw new Error(result.error);
  const value = result.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('the outside service answered with something the bot cannot read');
  }
  return value;
}

/** Paths such as `booking_time` or `contact.city`: option values that read a variable rather than fill a template. */
export const VARIABLE_REFERENCE = /^(?:(?:contact|conversation|bot|system)\.)?[A-Za-z_][A-Za-z0-9_]*$/;
