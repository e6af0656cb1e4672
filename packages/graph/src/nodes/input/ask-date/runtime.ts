import type { NodeRuntime } from '../../../node-runtime.ts';
import { validatedAnswerRuntime } from '../validated-answer.ts';
import { parseDate } from './parse-date.ts';
import type { AskDateOptions } from './schema.ts';

/** Asks for a date (or a date and time), read relative to the conversation's clock in the bot's time zone. */
export const askDateRuntime: NodeRuntime<AskDateOptions> = validatedAnswerRuntime<AskDateOptions>({
  parse(message, options, ctx) {
    const value = parseDate(message.text, ctx.now, options);
    return value === null ? null : { value };
  },
  defaultRetryPrompt({ mode, notBefore }) {
    const example = mode === 'datetime' ? 'tomorrow at 3pm or 5 March 14:00' : '5 March or tomorrow';
    const what = mode === 'datetime' ? 'a date and a time' : 'a date';
    return notBefore === 'now'
      ? `Please write ${what} that is not in the past, e.g. ${example}.`
      : `Sorry, I could not read that. Please write ${what}, e.g. ${example}.`;
  },
});
