import { z } from 'zod';

export const conditionOptions = z.object({
  expression: z.string().min(1, 'write the condition to test').meta({
    title: 'Condition',
    description: 'A CEL expression that is true or false, e.g. age >= 18 && contact.city == "Durban"',
  }),
});

export type ConditionOptions = z.output<typeof conditionOptions>;
