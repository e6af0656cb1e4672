import { defineNodeType } from '../../../node-type.ts';
import { askPorts, askProblems } from '../ask-fields.ts';
import { askFileRuntime } from './runtime.ts';
import { askFileOptions } from './schema.ts';

export const askFile = defineNodeType({
  type: 'ask_file',
  family: 'input',
  label: 'Ask for a photo or file',
  description: 'Asks for a photo or a document and saves its media id, to download or pass on later.',
  options: askFileOptions,
  ports: (o) => askPorts(o),
  waits: () => true,
  writes: (o) => [{ path: o.variable, type: 'json' }],
  check: (o, ctx) => askProblems(o, ctx),
  runtime: askFileRuntime,
});
