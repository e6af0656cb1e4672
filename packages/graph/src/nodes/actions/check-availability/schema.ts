import { z } from 'zod';
import { variablePath } from '../../option-fields.ts';
import { effectFields, httpUrlTemplate } from '../../effect-fields.ts';

export const checkAvailabilityOptions = z.object({
  calendarUrl: httpUrlTemplate.meta({
    title: 'Calendar address',
    description: 'The iCal (.ics) address of the calendar, e.g. "Secret address in iCal format" in Google Calendar.',
  }),
  start: z
    .string()
    .min(1, 'say when the slot starts: a variable such as booking_time, or e.g. {{date}}T{{time}}')
    .max(200, 'keep the start under 200 characters')
    .meta({
      title: 'Starts at',
      description:
        'A variable holding a date and time, or a template, giving e.g. 2026-01-05T14:30. Without a time zone ' +
        '(Z or +02:00) it is read in the calendar’s own time zone.',
    }),
  durationMinutes: z
    .number()
    .int('give the length in whole minutes')
    .min(5, 'a slot lasts at least 5 minutes')
    .max(1440, 'a slot lasts at most a day (1440 minutes)')
    .default(30)
    .meta({ title: 'Length (minutes)' }),
  conflictsVariable: variablePath
    .optional()
    .meta({ title: 'Save the clashing events in', description: 'A list of {start, end, summary}; optional.' }),
  ...effectFields,
});

export type CheckAvailabilityOptions = z.output<typeof checkAvailabilityOptions>;
