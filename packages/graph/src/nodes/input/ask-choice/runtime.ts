import type { InboundMessage } from '../../../definition.ts';
import type { NodeRuntime } from '../../../node-runtime.ts';
import { validatedAnswerRuntime } from '../validated-answer.ts';
import type { AskChoiceOptions } from './schema.ts';

type Choice = AskChoiceOptions['choices'][number];

/** WhatsApp's limit of reply buttons (runtime code cannot import the zod-based limits module). */
const MOST_BUTTONS = 3;

/** A tapped button or list row, else a typed title (any case) or the choice's number ("2"). */
function chosen(message: InboundMessage, choices: Choice[]): Choice | undefined {
  const tapped = choices.find((c) => c.id === message.optionId);
  if (tapped) return tapped;
  const typed = message.text.trim().toLowerCase();
  const byTitle = choices.find((c) => c.title.trim().toLowerCase() === typed);
  if (byTitle) return byTitle;
  const number = /^(\d{1,2})[.)]?$/.exec(typed);
  return number ? choices[Number(number[1]) - 1] : undefined;
}

/** Offers choices as buttons (up to 3) or a list, and leaves through the chosen choice's port. */
export const askChoiceRuntime: NodeRuntime<AskChoiceOptions> = validatedAnswerRuntime<AskChoiceOptions>({
  message(body, { choices, buttonLabel }) {
    const options = choices.map(({ id, title }) => ({ id, title }));
    return choices.length <= MOST_BUTTONS
      ? { kind: 'buttons', body, buttons: options }
      : { kind: 'list', body, button: buttonLabel, sections: [{ rows: options }] };
  },
  parse(message, { choices }) {
    const choice = chosen(message, choices);
    return choice ? { value: choice.id, port: choice.id } : null;
  },
  defaultRetryPrompt: ({ choices }) =>
    choices.length <= MOST_BUTTONS ? 'Please tap one of the buttons.' : 'Please choose one of the options in the list.',
});
