import { z } from 'zod';
import { askFields } from '../ask-fields.ts';

export const askNumberOptions = z.object({
  ...askFields('Please answer with a number.'),
  min: z.number().optional().meta({ title: 'Smallest allowed' }),
  max: z.number().optional().meta({ title: 'Largest allowed' }),
  integer: z.boolean().default(false).meta({ title: 'Whole numbers only' }),
});

export type AskNumberOptions = z.output<typeof askNumberOptions>;
