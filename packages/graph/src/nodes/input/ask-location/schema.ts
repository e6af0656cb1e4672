import { z } from 'zod';
import { LIMITS } from '@botflow/whatsapp/limits';
import { askFields } from '../ask-fields.ts';

export const askLocationOptions = z.object(
  askFields('Please share a location with the button below.', LIMITS.buttonBody),
);

export type AskLocationOptions = z.output<typeof askLocationOptions>;
