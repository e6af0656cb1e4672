import { isSupportedCountry } from 'libphonenumber-js/min';
import { z } from 'zod';
import { askFields } from '../ask-fields.ts';

export const askPhoneOptions = z.object({
  ...askFields('Please send a phone number, e.g. +27 82 123 4567.'),
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'a country is a two-letter code in capitals, such as ZA or GB')
    .refine(isSupportedCountry, 'phone numbers of this country are not known: check the two-letter code')
    .optional()
    .meta({
      title: 'Country for local numbers',
      description:
        'Two-letter code (e.g. ZA): numbers written without +, such as 082 123 4567, are read as this country.',
    }),
});

export type AskPhoneOptions = z.output<typeof askPhoneOptions>;
