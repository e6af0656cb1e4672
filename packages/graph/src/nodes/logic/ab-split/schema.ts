import { z } from 'zod';
import { variablePath } from '../../option-fields.ts';

const arm = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'an arm id is a short lower-case name such as a or discount')
    .meta({ title: 'Arm' }),
  weight: z
    .number()
    .positive('a weight must be more than 0')
    .max(100, 'a weight can be at most 100')
    .meta({ title: 'Weight', description: 'Its share of contacts relative to the other arms, e.g. 50 and 50' }),
});

export const abSplitOptions = z.object({
  arms: z
    .array(arm)
    .min(2, 'a split needs at least 2 arms')
    .max(5, 'a split has at most 5 arms')
    .refine((arms) => new Set(arms.map((a) => a.id)).size === arms.length, 'each arm needs its own id')
    .default([
      { id: 'a', weight: 50 },
      { id: 'b', weight: 50 },
    ])
    .meta({ title: 'Arms', description: 'Each contact always gets the same arm.' }),
  variable: variablePath
    .optional()
    .meta({ title: 'Save the arm in', description: 'e.g. experiment_arm, for analytics or later conditions' }),
});

export type AbSplitOptions = z.output<typeof abSplitOptions>;
