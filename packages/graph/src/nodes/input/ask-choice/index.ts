import { LIMITS } from '@botflow/whatsapp/limits';
import { defineNodeType, type OptionProblem } from '../../../node-type.ts';
import { askPorts, askProblems } from '../ask-fields.ts';
import { askChoiceRuntime } from './runtime.ts';
import { askChoiceOptions, type AskChoiceOptions } from './schema.ts';

const RESERVED_PORTS = ['invalid', 'timeout'];

/** Ids become ports and titles are what the customer taps or types: both must tell the choices apart. */
function choiceProblems({ choices }: AskChoiceOptions): OptionProblem[] {
  const ids = new Set<string>();
  const titles = new Set<string>();
  return choices.flatMap((c, i) => {
    const problems: OptionProblem[] = [];
    const title = c.title.trim().toLowerCase();
    if (RESERVED_PORTS.includes(c.id))
      problems.push({ field: `choices.${i}.id`, message: `"${c.id}" is taken by the node's own way out` });
    else if (ids.has(c.id)) problems.push({ field: `choices.${i}.id`, message: `two choices have the id "${c.id}"` });
    if (titles.has(title))
      problems.push({ field: `choices.${i}.title`, message: `two choices are shown as "${c.title}"` });
    if (choices.length <= LIMITS.buttons && c.title.length > LIMITS.buttonTitle)
      problems.push({
        field: `choices.${i}.title`,
        message: `up to 3 choices are sent as buttons, and a button title holds at most ${LIMITS.buttonTitle} characters`,
      });
    ids.add(c.id);
    titles.add(title);
    return problems;
  });
}

export const askChoice = defineNodeType({
  type: 'ask_choice',
  family: 'input',
  label: 'Ask to choose',
  description: 'Offers 2 to 10 choices (buttons up to 3, a list above) and goes the way the customer chose.',
  options: askChoiceOptions,
  ports: (o) =>
    askPorts(
      o,
      o.choices.map((c) => ({ id: c.id, label: c.title, required: false })),
    ),
  waits: () => true,
  writes: (o) => (o.variable === undefined ? [] : [{ path: o.variable, type: 'string' }]),
  check: (o, ctx) => [...askProblems(o, ctx), ...choiceProblems(o)],
  runtime: askChoiceRuntime,
});
