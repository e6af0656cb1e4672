import { defineNodeType } from '../../../node-type.ts';
import { endRuntime } from './runtime.ts';
import { endOptions } from './schema.ts';

export const end = defineNodeType({
  type: 'end',
  family: 'logic',
  label: 'End',
  description: 'Ends the conversation with an outcome that analytics counts (goal reached, lead captured, …).',
  options: endOptions,
  ports: () => [],
  waits: () => false,
  runtime: endRuntime,
});
