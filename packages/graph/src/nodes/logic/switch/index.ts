import { defineNodeType } from '../../../node-type.ts';
import { expressionProblem, uniqueCaseIds } from '../../checks.ts';
import { errorPort } from '../../option-fields.ts';
import { switchRuntime } from './runtime.ts';
import { switchOptions } from './schema.ts';

export const switchNode = defineNodeType({
  type: 'switch',
  family: 'logic',
  label: 'Switch',
  description: 'Tries conditions in order and goes the way of the first one that is true.',
  options: switchOptions,
  ports: (o) => [
    ...o.cases.map((c) => ({ id: c.id, label: c.id, required: false })),
    { id: 'default', label: 'Anything else', required: false },
    errorPort,
  ],
  waits: () => false,
  check: (o, ctx) => [
    ...uniqueCaseIds(o.cases),
    ...o.cases.flatMap((c, i) => expressionProblem(ctx, `cases.${i}.expression`, c.expression)),
  ],
  runtime: switchRuntime,
});
