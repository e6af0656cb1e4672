import { defineNodeType } from '../../../node-type.ts';
import { expressionProblem } from '../../checks.ts';
import { errorPort } from '../../option-fields.ts';
import { conditionRuntime } from './runtime.ts';
import { conditionOptions } from './schema.ts';

export const condition = defineNodeType({
  type: 'condition',
  family: 'logic',
  label: 'Condition',
  description: 'Goes one way if an expression over the variables is true, the other way if it is false.',
  options: conditionOptions,
  ports: () => [
    { id: 'true', label: 'True', required: false },
    { id: 'false', label: 'False', required: false },
    errorPort,
  ],
  waits: () => false,
  check: (o, ctx) => expressionProblem(ctx, 'expression', o.expression),
  runtime: conditionRuntime,
});
