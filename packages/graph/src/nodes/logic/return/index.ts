import { defineNodeType } from '../../../node-type.ts';
import { returnRuntime } from './runtime.ts';
import { returnOptions } from './schema.ts';

export const returnNode = defineNodeType({
  type: 'return',
  family: 'logic',
  label: 'Return',
  description: 'Ends a sub-flow and goes back to the node that ran it; outside a sub-flow it ends the conversation.',
  options: returnOptions,
  ports: () => [],
  waits: () => false,
  runtime: returnRuntime,
});
