import { defineNodeType } from '../../../node-type.ts';
import { askPorts, askProblems } from '../ask-fields.ts';
import { askNumberRuntime } from './runtime.ts';
import { askNumberOptions } from './schema.ts';

export const askNumber = defineNodeType({
  type: 'ask_number',
  family: 'input',
  label: 'Ask for a number',
  description: 'Asks for a number (a quantity, an age, …) and asks again until the answer is one.',
  options: askNumberOptions,
  ports: (o) => askPorts(o),
  waits: () => true,
  writes: (o) => [{ path: o.variable, type: 'number' }],
  check: (o, ctx) => [
    ...askProblems(o, ctx),
    ...(o.min !== undefined && o.max !== undefined && o.min > o.max
      ? [{ field: 'max', message: 'the largest allowed number is smaller than the smallest' }]
      : []),
  ],
  runtime: askNumberRuntime,
});
