import { z } from 'zod';

export const switchOptions = z.object({
  cases: z
    .array(
      z.object({
        id: z
          .string()
          .regex(/^[a-z][a-z0-9_]{0,39}$/, 'a case id is a short lower-case name such as adult')
          .refine((id) => id !== 'error', '"error" is the port for a failing expression')
          .meta({ title: 'Case', description: 'Names the way out of the node' }),
        expression: z
          .string()
          .min(1, 'write the condition of this case')
          .meta({ title: 'When', description: 'A CEL expression that is true or false, e.g. age >= 65' }),
      }),
    )
    .min(1, 'add at least one case')
    .max(20, 'at most 20 cases')
    .meta({ title: 'Cases', description: 'Tried in order: the first one that is true wins, else "Anything else".' }),
});

export type SwitchOptions = z.output<typeof switchOptions>;
