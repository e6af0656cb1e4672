import { z } from 'zod';
import { LIMITS } from '@botflow/whatsapp/limits';
import { timeoutSeconds, variablePath } from '../../option-fields.ts';

export const askTextOptions = z.object({
  prompt: z
    .string()
    .min(1, 'write the question to ask')
    .max(LIMITS.textBody, `a WhatsApp text message holds at most ${LIMITS.textBody} characters`)
    .meta({ title: 'Question', format: 'textarea' }),
  variable: variablePath.meta({ title: 'Save the answer in', description: 'e.g. customer_name or contact.name' }),
  timeoutSeconds: timeoutSeconds.optional(),
});

export type AskTextOptions = z.output<typeof askTextOptions>;
