import { z } from 'zod';
import { VARIABLE_NAME } from '../../../variables.ts';

export const saveToProfileOptions = z.object({
  fields: z
    .array(
      z.object({
        field: z
          .string()
          .regex(VARIABLE_NAME, 'a profile field name uses letters, digits and _, e.g. city or first_name')
          .meta({ title: 'Profile field', description: 'Kept across conversations as contact.<field>' }),
        value: z
          .string()
          .min(1, 'write the value to save')
          .meta({ title: 'Value', description: 'Text with {{variables}}, e.g. {{answer}}, or an expression' }),
        asExpression: z
          .boolean()
          .default(false)
          .meta({ title: 'Value is an expression', description: 'A CEL expression, e.g. int(age_answer)' }),
      }),
    )
    .min(1, 'add at least one field to save')
    .max(20, 'at most 20 fields per node'),
});

export type SaveToProfileOptions = z.output<typeof saveToProfileOptions>;
