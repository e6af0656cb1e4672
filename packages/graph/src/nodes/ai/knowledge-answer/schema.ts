import { z } from 'zod';
import { variablePath } from '../../option-fields.ts';
import { effectFields, optionalMessage } from '../../effect-fields.ts';

export const knowledgeAnswerOptions = z.object({
  knowledgeBaseId: z
    .string()
    .min(1, 'choose a knowledge base')
    .max(100, 'a knowledge base id holds at most 100 characters')
    .meta({ title: 'Knowledge base' }),
  questionFrom: variablePath
    .default('last_message')
    .meta({ title: 'Question from', description: 'The variable holding the question, e.g. the last answer.' }),
  fallbackText: optionalMessage
    .default('Sorry, I don’t know the answer to that. Someone from our team can help you.')
    .meta({
      title: 'When there is no answer',
      description: 'Sent when the knowledge base does not answer the question; leave empty to send nothing.',
      format: 'textarea',
    }),
  variable: variablePath.optional().meta({ title: 'Save the answer in', description: 'Optional.' }),
  ...effectFields,
});

export type KnowledgeAnswerOptions = z.output<typeof knowledgeAnswerOptions>;
