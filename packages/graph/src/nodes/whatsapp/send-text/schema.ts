import { z } from 'zod';
import { LIMITS } from '@botflow/whatsapp/limits';
import { templateFallbackField } from '../template-fallback-field.ts';

export const sendTextOptions = z.object({
  text: z
    .string()
    .min(1, 'write the message to send')
    .max(LIMITS.textBody, `a WhatsApp text message holds at most ${LIMITS.textBody} characters`)
    .meta({
      title: 'Message',
      description: 'Use {{variable}} to insert a value, e.g. Hi {{name}}!',
      format: 'textarea',
    }),
  templateFallback: templateFallbackField,
});

export type SendTextOptions = z.output<typeof sendTextOptions>;
