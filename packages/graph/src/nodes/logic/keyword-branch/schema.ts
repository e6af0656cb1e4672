import { z } from 'zod';
import { variablePath } from '../../option-fields.ts';

export const keywordBranchOptions = z.object({
  variable: variablePath.meta({ title: 'Look at variable' }),
  cases: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a case id is a short lower-case name such as book'),
        anyOf: z.array(z.string().min(1)).min(1, 'give at least one keyword'),
        match: z.enum(['equals', 'contains']).default('equals'),
      }),
    )
    .min(1, 'add at least one case')
    .max(20, 'at most 20 cases: use a switch for more'),
});

export type KeywordBranchOptions = z.output<typeof keywordBranchOptions>;
