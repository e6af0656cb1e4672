import { z } from 'zod';
import { optionalMessage } from '../../effect-fields.ts';

export const handoffOptions = z.object({
  reason: z
    .string()
    .min(1, 'say why a person should take over, e.g. customer asked for a person')
    .max(200, 'keep the reason under 200 characters')
    .meta({ title: 'Reason', description: 'Shown to your team with the conversation; {{variables}} are filled in.' }),
  message: optionalMessage.default('A person from our team will reply here shortly.').meta({
    title: 'Message to the customer',
    description: 'Sent before a person takes over; leave empty to send nothing.',
    format: 'textarea',
  }),
});

export type HandoffOptions = z.output<typeof handoffOptions>;
