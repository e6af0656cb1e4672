import { z } from 'zod';
import { variablePath } from '../../option-fields.ts';
import { effectFields } from '../../effect-fields.ts';

export const EXTRACTED_TYPES = ['string', 'number', 'boolean', 'email', 'phone', 'date'] as const;

export const extractFieldsOptions = z.object({
  text: z
    .string()
    .min(1, 'say what to read the fields from, e.g. {{last_message}}')
    .max(4000, 'keep the text under 4000 characters')
    .default('{{last_message}}')
    .meta({ title: 'Text', description: '{{variables}} are filled in.' }),
  fields: z
    .array(
      z.object({
        variable: variablePath.meta({ title: 'Save in' }),
        type: z.enum(EXTRACTED_TYPES).default('string').meta({ title: 'Kind' }),
        description: z
          .string()
          .max(300, 'keep the description under 300 characters')
          .default('')
          .meta({ title: 'What it is', description: 'e.g. the number of people for the booking' }),
      }),
    )
    .min(1, 'add at least one field')
    .max(20, 'at most 20 fields')
    .meta({ title: 'Fields' }),
  ...effectFields,
});

export type ExtractFieldsOptions = z.output<typeof extractFieldsOptions>;
export type ExtractedType = (typeof EXTRACTED_TYPES)[number];
