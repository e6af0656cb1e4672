import { defineNodeType } from '../../../node-type.ts';
import { expressionProblem, writableProblem } from '../../checks.ts';
import { errorPort, nextPort } from '../../option-fields.ts';
import { setVariableRuntime } from './runtime.ts';
import { setVariableOptions } from './schema.ts';

export const setVariable = defineNodeType({
  type: 'set_variable',
  family: 'logic',
  label: 'Set variable',
  description: 'Computes values with expressions and saves them in variables or the contact profile.',
  options: setVariableOptions,
  ports: () => [nextPort, errorPort],
  waits: () => false,
  // Without a declared type the value can be anything, so other nodes see it as json (CEL's dyn).
  writes: (o) => o.assignments.map((a) => ({ path: a.variable, type: a.type ?? 'json' })),
  check: (o, ctx) =>
    o.assignments.flatMap((a, i) => [
      ...writableProblem(ctx, `assignments.${i}.variable`, a.variable),
      ...expressionProblem(ctx, `assignments.${i}.expression`, a.expression),
    ]),
  runtime: setVariableRuntime,
});
