import { defineNodeType } from '../../../node-type.ts';
import { askPorts, askProblems } from '../ask-fields.ts';
import { askDateRuntime } from './runtime.ts';
import { askDateOptions } from './schema.ts';

export const askDate = defineNodeType({
  type: 'ask_date',
  family: 'input',
  label: 'Ask for a date',
  description: 'Asks for a date or a date and time, written naturally ("tomorrow at 3pm", "5 March").',
  options: askDateOptions,
  ports: (o) => askPorts(o),
  waits: () => true,
  writes: (o) => [{ path: o.variable, type: 'string' }],
  check: (o, ctx) => askProblems(o, ctx),
  runtime: askDateRuntime,
});
