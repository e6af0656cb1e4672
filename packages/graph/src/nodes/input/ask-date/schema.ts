import { z } from 'zod';
import { askFields } from '../ask-fields.ts';

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const askDateOptions = z.object({
  ...askFields('Please write a date, e.g. 5 March or tomorrow.'),
  mode: z.enum(['date', 'datetime']).default('date').meta({
    title: 'Ask for',
    description: 'date saves 2026-03-05; datetime needs a time too and saves 2026-03-05T14:00:00+02:00.',
  }),
  timezone: z
    .string()
    .refine(isTimeZone, 'not a time zone name: use one such as Africa/Johannesburg, Europe/London or UTC')
    .default('UTC')
    .meta({
      title: 'Time zone',
      description: 'Where the customer is: "tomorrow at 3pm" means 3pm there. An IANA name, e.g. Africa/Johannesburg.',
    }),
  dayFirst: z
    .boolean()
    .default(true)
    .meta({ title: 'Day before month', description: 'On: 5/3 is 5 March. Off (American): 5/3 is May 3.' }),
  notBefore: z
    .literal('now')
    .optional()
    .meta({ title: 'No dates in the past', description: '"now": a past date is not a valid answer.' }),
});

export type AskDateOptions = z.output<typeof askDateOptions>;
