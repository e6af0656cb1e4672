import { defineNodeType } from '../../../node-type.ts';
import { askPorts, askProblems } from '../ask-fields.ts';
import { askLocationRuntime } from './runtime.ts';
import { askLocationOptions } from './schema.ts';

export const askLocation = defineNodeType({
  type: 'ask_location',
  family: 'input',
  label: 'Ask for a location',
  description: 'Asks the customer to share a location and saves its latitude, longitude, name and address.',
  options: askLocationOptions,
  ports: (o) => askPorts(o),
  waits: () => true,
  writes: (o) => [{ path: o.variable, type: 'json' }],
  check: (o, ctx) => askProblems(o, ctx),
  runtime: askLocationRuntime,
});
