import { defineNodeType } from '../../../node-type.ts';
import { askPorts, askProblems } from '../ask-fields.ts';
import { askEmailRuntime } from './runtime.ts';
import { askEmailOptions } from './schema.ts';

export const askEmail = defineNodeType({
  type: 'ask_email',
  family: 'input',
  label: 'Ask for an email',
  description: 'Asks for an email address and asks again until the answer looks like one.',
  options: askEmailOptions,
  ports: (o) => askPorts(o),
  waits: () => true,
  writes: (o) => [{ path: o.variable, type: 'string' }],
  check: (o, ctx) => askProblems(o, ctx),
  runtime: askEmailRuntime,
});
