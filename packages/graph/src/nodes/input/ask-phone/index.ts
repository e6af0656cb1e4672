import { defineNodeType } from '../../../node-type.ts';
import { askPorts, askProblems } from '../ask-fields.ts';
import { askPhoneRuntime } from './runtime.ts';
import { askPhoneOptions } from './schema.ts';

export const askPhone = defineNodeType({
  type: 'ask_phone',
  family: 'input',
  label: 'Ask for a phone number',
  description: 'Asks for a phone number, checks it and saves it in international form (+27821234567).',
  options: askPhoneOptions,
  ports: (o) => askPorts(o),
  waits: () => true,
  writes: (o) => [{ path: o.variable, type: 'string' }],
  check: (o, ctx) => askProblems(o, ctx),
  runtime: askPhoneRuntime,
});
