import { z } from 'zod';
import { variablePath } from '../../option-fields.ts';
import { cellKey } from './cell.ts';

export const MAX_ROWS = 1000;

export const lookupTableOptions = z
  .object({
    columns: z
      .array(z.string().trim().min(1, 'give every column a name'))
      .min(1, 'add at least one column')
      .max(20, 'a table has at most 20 columns')
      .refine((cs) => new Set(cs.map(cellKey)).size === cs.length, 'two columns have the same name')
      .meta({ title: 'Columns' }),
    rows: z.array(z.array(z.string())).max(MAX_ROWS, `a table holds at most ${MAX_ROWS} rows`).meta({ title: 'Rows' }),
    key: z
      .string()
      .min(1, 'say what to look up, e.g. {{product_code}}')
      .meta({ title: 'Look up', description: 'Text with {{variables}}, e.g. {{product_code}}, or an expression' }),
    asExpression: z.boolean().default(false).meta({ title: 'Look-up value is an expression' }),
    column: z
      .string()
      .min(1, 'choose the column to search')
      .meta({ title: 'In column', description: 'Matched ignoring upper/lower case and spaces around' }),
    outputs: z
      .array(
        z.object({
          column: z.string().min(1, 'choose a column').meta({ title: 'Column' }),
          variable: variablePath.meta({ title: 'Save in', description: 'e.g. price or contact.branch' }),
        }),
      )
      .max(20, 'at most 20 outputs')
      .default([])
      .meta({ title: 'Copy from the row found' }),
  })
  .superRefine((o, ctx) => {
    o.rows.forEach((row, i) => {
      if (row.length !== o.columns.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i],
          message: `row ${i + 1} has ${row.length} cells but the table has ${o.columns.length} columns`,
        });
      }
    });
  });

export type LookupTableOptions = z.output<typeof lookupTableOptions>;
