import { z } from 'zod';
import { variablePath } from '../../option-fields.ts';
import { effectFields } from '../../effect-fields.ts';

export const llmReplyOptions = z.object({
  system: z.string().max(4000, 'keep the instructions under 4000 characters').default('').meta({
    title: 'Instructions',
    description: 'Who the bot is and how it answers, e.g. You are the assistant of Sunny Salon; answer briefly.',
    format: 'textarea',
  }),
  prompt: z
    .string()
    .min(1, 'write what the model should answer, e.g. {{last_message}}')
    .max(4000, 'keep the prompt under 4000 characters')
    .default('{{last_message}}')
    .meta({ title: 'Prompt', description: '{{variables}} are filled in.', format: 'textarea' }),
  variable: variablePath.optional().meta({ title: 'Save the reply in', description: 'Optional.' }),
  send: z.boolean().default(true).meta({ title: 'Send the reply to the customer' }),
  ...effectFields,
});

export type LlmReplyOptions = z.output<typeof llmReplyOptions>;
