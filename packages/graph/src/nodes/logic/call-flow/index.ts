import { defineNodeType } from '../../../node-type.ts';
import { nextPort } from '../../option-fields.ts';
import { nodeProblem } from '../node-reference.ts';
import { callFlowRuntime } from './runtime.ts';
import { callFlowOptions } from './schema.ts';

export const callFlow = defineNodeType({
  type: 'call_flow',
  family: 'logic',
  label: 'Run sub-flow',
  description: 'Runs a reusable part of the flow (e.g. "collect address") and continues here when it returns.',
  options: callFlowOptions,
  ports: () => [{ ...nextPort, label: 'After the sub-flow' }],
  waits: () => false,
  targets: (o) => [o.entry],
  check: (o, ctx) => nodeProblem(ctx, 'entry', o.entry),
  runtime: callFlowRuntime,
});
