import type { NodeRuntime } from '../../../node-runtime.ts';
import { validatedAnswerRuntime } from '../validated-answer.ts';
import { parseNumber } from './parse-number.ts';
import type { AskNumberOptions } from './schema.ts';

/** Asks for a number and saves it as a number, within the bounds and whole if so configured. */
export const askNumberRuntime: NodeRuntime<AskNumberOptions> = validatedAnswerRuntime<AskNumberOptions>({
  parse(message, { min, max, integer }) {
    const value = parseNumber(message.text);
    if (value === null || !Number.isFinite(value)) return null;
    if (integer && !Number.isInteger(value)) return null;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) return null;
    return { value };
  },
  defaultRetryPrompt({ min, max, integer }) {
    const kind = integer ? 'a whole number' : 'a number';
    if (min !== undefined && max !== undefined) return `Please answer with ${kind} from ${min} to ${max}.`;
    if (min !== undefined) return `Please answer with ${kind} of at least ${min}.`;
    if (max !== undefined) return `Please answer with ${kind} of at most ${max}.`;
    return `Please answer with ${kind}.`;
  },
});
