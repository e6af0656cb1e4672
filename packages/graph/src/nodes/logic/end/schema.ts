import { z } from 'zod';

export const endOptions = z.object({
  outcome: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/, 'an outcome is a short lower-case name such as booking_made or lead_captured')
    .meta({ title: 'Outcome', examples: ['goal_reached', 'lead_captured', 'booking_made'] }),
});

export type EndOptions = z.output<typeof endOptions>;
