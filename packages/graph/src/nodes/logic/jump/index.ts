import { defineNodeType } from '../../../node-type.ts';
import { nodeProblem } from '../node-reference.ts';
import { jumpRuntime } from './runtime.ts';
import { jumpOptions } from './schema.ts';

export const jump = defineNodeType({
  type: 'jump',
  family: 'logic',
  label: 'Jump',
  description: 'Continues at another node without drawing a line to it, e.g. back to the main menu.',
  options: jumpOptions,
  ports: () => [],
  waits: () => false,
  targets: (o) => [o.target],
  check: (o, ctx) => nodeProblem(ctx, 'target', o.target),
  runtime: jumpRuntime,
});
