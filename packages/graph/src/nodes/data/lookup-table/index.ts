import { defineNodeType } from '../../../node-type.ts';
import type { OptionProblem } from '../../../node-type.ts';
import { expressionProblem, templateProblems, writableProblem } from '../../checks.ts';
import { errorPort } from '../../option-fields.ts';
import { columnIndex } from './cell.ts';
import { lookupTableRuntime } from './runtime.ts';
import { lookupTableOptions } from './schema.ts';

export const lookupTable = defineNodeType({
  type: 'lookup_table',
  family: 'data',
  label: 'Look up in table',
  description: 'Finds a row in a small table (prices, branches, codes) and copies its cells into variables.',
  options: lookupTableOptions,
  ports: (o) => [
    { id: 'found', label: 'Found', required: false },
    { id: 'not_found', label: 'Not found', required: false },
    // Only an expression can fail while looking up.
    ...(o.asExpression ? [errorPort] : []),
  ],
  waits: () => false,
  writes: (o) => o.outputs.map((out) => ({ path: out.variable, type: 'string' })),
  check: (o, ctx) => [
    ...(o.asExpression ? expressionProblem(ctx, 'key', o.key) : templateProblems(ctx, { key: o.key })),
    ...columnProblem(o.columns, 'column', o.column),
    ...o.outputs.flatMap((out, i) => [
      ...columnProblem(o.columns, `outputs.${i}.column`, out.column),
      ...writableProblem(ctx, `outputs.${i}.variable`, out.variable),
    ]),
  ],
  runtime: lookupTableRuntime,
});

function columnProblem(columns: string[], field: string, name: string): OptionProblem[] {
  return columnIndex(columns, name) >= 0 ? [] : [{ field, message: `the table has no column "${name}"` }];
}
