import { z } from 'zod';
import { PLACEHOLDER } from '../../../template.ts';
import { isTimeZone, nextMoment } from './moment.ts';

export const waitOptions = z
  .object({
    seconds: z
      .number()
      .int('give the wait in whole seconds')
      .min(1, 'wait at least 1 second')
      .max(30 * 86400, 'a wait can be at most 30 days')
      .optional()
      .meta({ title: 'Wait for (seconds)' }),
    until: z
      .string()
      .min(1, 'write the moment to wait until')
      .refine(readableWithoutVariables, 'write a date-time such as 2026-03-01T09:00 or a time of day such as 18:30')
      .optional()
      .meta({
        title: 'Wait until',
        description:
          'A time of day such as 08:00 (the next one), a date-time such as 2026-03-01T09:00, or {{a_variable}}',
      }),
    timezone: z
      .string()
      .refine(isTimeZone, 'choose a time zone such as Africa/Johannesburg')
      .default('UTC')
      .meta({ title: 'Time zone', description: 'For times without a zone, e.g. Africa/Johannesburg' }),
  })
  .refine((o) => (o.seconds === undefined) !== (o.until === undefined), {
    message: 'give either how many seconds to wait or a moment to wait until, not both',
    path: ['until'],
  });

/** A moment written out (no `{{…}}`) must be readable now; one from a variable can only be read when the node runs. */
function readableWithoutVariables(until: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(until) || nextMoment(until, 0, 'UTC') !== null;
}

export type WaitOptions = z.output<typeof waitOptions>;
