import { z } from 'zod';
import { LIMITS } from '@botflow/whatsapp/limits';
import type { CheckContext, OptionProblem, PortSpec } from '../../node-type.ts';
import { templateProblems, writableProblem } from '../checks.ts';
import { timeoutPort, timeoutSeconds, variablePath } from '../option-fields.ts';

/** Options every validating ask node shares (see validated-answer.ts for what they do at runtime). */

export function promptField(max: number = LIMITS.textBody) {
  return z
    .string()
    .min(1, 'write the question to ask')
    .max(max, `this question is sent in a message that holds at most ${max} characters`)
    .meta({ title: 'Question', format: 'textarea' });
}

export function retryPromptField(example: string, max: number = LIMITS.textBody) {
  return z
    .string()
    .max(max, `this message holds at most ${max} characters`)
    .optional()
    .meta({
      title: 'When the answer is not valid, say',
      description: `Then the question waits again. Leave empty for a default such as "${example}"`,
      format: 'textarea',
    });
}

export const maxAttempts = z
  .number()
  .int('give a whole number of attempts')
  .min(1, 'allow at least one answer')
  .max(10, 'at most 10 attempts: after that, leave through "No valid answer" and try something else')
  .default(3)
  .meta({
    title: 'Answers allowed',
    description: 'After this many answers that are not valid, leave through "No valid answer".',
  });

export function askFields(retryExample: string, promptMax: number = LIMITS.textBody) {
  return {
    prompt: promptField(promptMax),
    variable: variablePath.meta({ title: 'Save the answer in', description: 'e.g. phone or contact.phone' }),
    retryPrompt: retryPromptField(retryExample, promptMax),
    maxAttempts,
    timeoutSeconds: timeoutSeconds.optional(),
  };
}

export const invalidPort: PortSpec = { id: 'invalid', label: 'No valid answer', required: false };

/** `next` (or the given answer ports), then `invalid`, then `timeout` when a timeout is set. */
export function askPorts(o: { timeoutSeconds?: number }, answered?: PortSpec[]): PortSpec[] {
  return [
    ...(answered ?? [{ id: 'next', label: 'Answered', required: false }]),
    invalidPort,
    ...timeoutPort(o.timeoutSeconds),
  ];
}

export function askProblems(
  o: { prompt: string; retryPrompt?: string; variable?: string },
  ctx: CheckContext,
): OptionProblem[] {
  return [
    ...templateProblems(ctx, { prompt: o.prompt, retryPrompt: o.retryPrompt }),
    ...(o.variable === undefined ? [] : writableProblem(ctx, 'variable', o.variable)),
  ];
}
