import { z } from 'zod';
import { LIMITS } from '@botflow/whatsapp/limits';
import { retryOptions } from './option-fields.ts';

/** Options every node that calls the outside world has: how often to retry and how long one attempt may take. */
export const effectFields = {
  retry: retryOptions.prefault({}),
  timeoutSeconds: z
    .number()
    .int('give the time limit in whole seconds')
    .min(1, 'allow at least 1 second')
    .max(60, 'one attempt can take at most 60 seconds')
    .default(10)
    .meta({
      title: 'Give up after (seconds)',
      description: 'How long one attempt may take before it counts as failed.',
    }),
};

/** An address to call: it must name its scheme itself, so a variable can never turn it into another kind of URL. */
export const httpUrlTemplate = z
  .string()
  .max(2000, 'an address holds at most 2000 characters')
  .regex(/^https?:\/\/\S/i, 'the address must start with http:// or https://');

/** A text the bot sends on WhatsApp; empty means it says nothing. */
export const optionalMessage = z
  .string()
  .max(LIMITS.textBody, `a WhatsApp text message holds at most ${LIMITS.textBody} characters`);
