import { z } from 'zod';
import { askFields } from '../ask-fields.ts';

export const askEmailOptions = z.object(askFields('That does not look like an email address. Please try again.'));

export type AskEmailOptions = z.output<typeof askEmailOptions>;
