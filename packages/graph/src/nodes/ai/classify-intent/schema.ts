import { z } from 'zod';
import { variablePath } from '../../option-fields.ts';
import { effectFields } from '../../effect-fields.ts';

export const classifyIntentOptions = z.object({
  text: z
    .string()
    .min(1, 'say what to classify, e.g. {{last_message}}')
    .max(4000, 'keep the text under 4000 characters')
    .default('{{last_message}}')
    .meta({ title: 'Text', description: '{{variables}} are filled in.' }),
  intents: z
    .array(
      z.object({
        id: z
          .string()
          .regex(/^[a-z][a-z0-9_]{0,39}$/, 'an intent id is a short lower-case name such as book')
          .refine((id) => id !== 'error', '"error" is the port for a failed call')
          .meta({ title: 'Intent', description: 'Names the way out of the node' }),
        description: z
          .string()
          .min(1, 'describe what the customer wants, e.g. book an appointment')
          .max(300, 'keep the description under 300 characters')
          .meta({ title: 'Means' }),
      }),
    )
    .min(2, 'add at least two intents')
    .max(20, 'at most 20 intents')
    .meta({ title: 'Intents' }),
  minConfidence: z
    .number()
    .min(0, 'the confidence is between 0 and 1')
    .max(1, 'the confidence is between 0 and 1')
    .default(0.5)
    .meta({ title: 'Minimum confidence', description: 'Less sure than this (0 to 1): leave through "Not sure".' }),
  variable: variablePath.optional().meta({ title: 'Save the intent in', description: 'Optional.' }),
  ...effectFields,
});

export type ClassifyIntentOptions = z.output<typeof classifyIntentOptions>;
