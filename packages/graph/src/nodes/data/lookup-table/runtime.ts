import type { NodeRuntime } from '../../../node-runtime.ts';
import { displayValue } from '../../../variables.ts';
import { cellKey, columnIndex } from './cell.ts';
import type { LookupTableOptions } from './schema.ts';

/** Finds the first row whose cell in `column` matches the key and copies the chosen cells into variables. */
export const lookupTableRuntime: NodeRuntime<LookupTableOptions> = {
  enter(ctx, { columns, rows, key, asExpression, column, outputs }) {
    const wanted = cellKey(asExpression ? displayValue(ctx.evaluate(key)) : ctx.interpolate(key));
    const searched = requireColumn(columns, column);
    const row = wanted === '' ? undefined : rows.find((r) => cellKey(r[searched] ?? '') === wanted);
    if (!row) return { kind: 'continue', port: 'not_found' };
    for (const output of outputs) ctx.set(output.variable, row[requireColumn(columns, output.column)] ?? '');
    return { kind: 'continue', port: 'found' };
  },
};

function requireColumn(columns: string[], name: string): number {
  const index = columnIndex(columns, name);
  if (index < 0) throw new Error(`the table has no column "${name}"`);
  return index;
}
