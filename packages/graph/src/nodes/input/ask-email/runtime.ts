import type { NodeRuntime } from '../../../node-runtime.ts';
import { validatedAnswerRuntime } from '../validated-answer.ts';
import { parseEmail } from './parse-email.ts';
import type { AskEmailOptions } from './schema.ts';

/** Asks for an email address and saves it lower-cased. */
export const askEmailRuntime: NodeRuntime<AskEmailOptions> = validatedAnswerRuntime<AskEmailOptions>({
  parse(message) {
    const email = parseEmail(message.text);
    return email === null ? null : { value: email };
  },
  defaultRetryPrompt: () => 'That does not look like an email address. Please try again, e.g. name@example.com.',
});
