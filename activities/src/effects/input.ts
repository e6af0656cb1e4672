import type { VarValue } from '@botflow/graph';
import { ApplicationFailure } from '@temporalio/common';

/**
 * Readers for effect inputs. The node built the input, so a wrong one is a bug or a definition from elsewhere:
 * retrying cannot fix it, hence non-retryable failures.
 */

export type EffectInput = Record<string, VarValue>;

export function invalidInput(message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, 'InvalidEffectInput');
}

export function text(input: EffectInput, key: string): string {
  const value = input[key];
  if (typeof value !== 'string') throw invalidInput(`"${key}" must be text`);
  return value;
}

export function optionalText(input: EffectInput, key: string): string | undefined {
  return input[key] === undefined || input[key] === null ? undefined : text(input, key);
}

export function number(input: EffectInput, key: string, min: number, max: number): number {
  const value = input[key];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidInput(`"${key}" must be a number from ${min} to ${max}`);
  }
  return value;
}

/** The time limit of one attempt, as the node's `timeoutSeconds` option allows it. */
export function timeoutSeconds(input: EffectInput): number {
  return number(input, 'timeoutSeconds', 1, 60);
}

export function record(value: VarValue | undefined, what: string): Record<string, VarValue> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidInput(`${what} must be an object`);
  return value;
}

export function list(input: EffectInput, key: string): Record<string, VarValue>[] {
  const value = input[key];
  if (!Array.isArray(value)) throw invalidInput(`"${key}" must be a list`);
  return value.map((item, i) => record(item, `"${key}.${i}"`));
}
