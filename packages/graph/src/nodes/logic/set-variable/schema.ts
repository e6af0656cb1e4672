import { z } from 'zod';
import { variablePath } from '../../option-fields.ts';

export const setVariableOptions = z.object({
  assignments: z
    .array(
      z.object({
        variable: variablePath.meta({ title: 'Variable', description: 'e.g. total or contact.city' }),
        expression: z
          .string()
          .min(1, 'write the expression that gives the value')
          .meta({ title: 'Value', description: 'A CEL expression, e.g. price * quantity or "Durban"' }),
        type: z.enum(['string', 'number', 'boolean', 'json']).optional().meta({
          title: 'Type',
          description: 'What the value must be; leave empty to accept any value (other nodes then see it as "json").',
        }),
      }),
    )
    .min(1, 'add at least one variable to set')
    .max(20, 'at most 20 variables per node')
    .meta({ title: 'Set', description: 'Set in order: a later value can use the ones set before it.' }),
});

export type SetVariableOptions = z.output<typeof setVariableOptions>;
